// After the frame that shows what a tap changed: a requestAnimationFrame, then a task queued from
// it (the task runs once that frame has been produced). A tap's heavier consequences wait for it,
// so the tap's own feedback is on screen first: the ninth digit of an account number is painted,
// then the full keyboard takes the keypad's place (in the same frame that cost 16–26 ms, and
// 70–180 ms on a kiosk-class CPU). Without rendering (the unit tests under Node) the work runs at once.
export function afterNextPaint(work: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return work();
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** The same moment as a promise: what voice mode waits for before it reads what a press changed. */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterNextPaint(resolve));
}
