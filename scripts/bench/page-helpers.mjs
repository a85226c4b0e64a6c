// Installed into every kiosk page before its own scripts (Playwright init script, outside the CSP):
// the bench's in-page instruments. It records every click's own input timestamp (`event.timeStamp`,
// when the browser received the input: where Chrome's INP starts), counts the kiosk API calls in
// flight and by method, and waits for a screen to be painted: the target in the DOM, then the next
// frame presented (a requestAnimationFrame, then a task after it: the task runs once the frame has
// been produced). It also keeps the Event Timing API's entries, which report only interactions of
// 16 ms and more, in 8 ms steps, to check the probe against where both report. And it taps buttons
// by their accessible name the quick way (pointerdown + click on the element) for the soak.
// Self-contained: Playwright sends this function's source text to the page.

export function installBenchHelpers() {
  const bench = {
    inFlight: 0,
    idlePaintedAt: 0,
    /** @type {Promise<{ tapAt: number; paintedAt: number }> | null} */
    armed: null,
    /** Failed kiosk API calls (HTTP status ≥ 400, or the transport failing). */
    apiFailures: [],
    /** Every kiosk API call's method, in order (the journeys' call counts). */
    calls: [],
    /** Event Timing entries: { name, startTime, duration }. */
    eventTimings: [],
  };
  Object.defineProperty(window, '__bench', { value: bench });

  // Kiosk API calls in flight, until the kiosk has read the answer's body; and when the page was
  // painted after the last one finished (the screen with its data).
  const originalFetch = window.fetch.bind(window);
  const finished = () => {
    bench.inFlight -= 1;
    if (bench.inFlight === 0) void nextPaint().then((at) => (bench.idlePaintedAt = at));
  };
  window.fetch = async (...args) => {
    bench.inFlight += 1;
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    // The kiosk's client calls `api/<method>` relative to the page.
    const method = /(?:^|\/)api\/([\w.%-]+)/.exec(url)?.[1];
    if (method) bench.calls.push(method);
    let response;
    try {
      response = await originalFetch(...args);
    } catch (error) {
      bench.apiFailures.push(`${String(args[0])}: ${error}`);
      finished();
      throw error;
    }
    if (response.status >= 400) bench.apiFailures.push(`${response.status} ${String(args[0])}`);
    const json = response.json.bind(response);
    let counted = true;
    response.json = async () => {
      try {
        return await json();
      } finally {
        if (counted) finished();
        counted = false;
      }
    };
    return response;
  };

  const normalize = (text) =>
    (text ?? '')
      .replace(/\s+/g, ' ')
      .replace(/^[←⌫⇧◀▶]\s*/, '')
      .trim();
  const nameOf = (element) => normalize(element.getAttribute('aria-label') || element.textContent);
  const visible = (element) => element.getClientRects().length > 0;
  function frames(count) {
    return new Promise((resolve) => {
      const step = (left) => (left === 0 ? resolve(performance.now()) : requestAnimationFrame(() => step(left - 1)));
      step(count);
    });
  }
  /** When the next frame has been produced: a requestAnimationFrame, then a task queued from it. */
  function nextPaint() {
    return new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
  }

  // Event Timing: what Chrome's INP is made of, for the interactions it reports (16 ms and more).
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.eventTimings.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {
    // A browser without Event Timing: the probe alone.
  }
  /** A group (role=group or fieldset) by its label or legend; the whole document without a name. */
  const scopeOf = (group) => {
    if (!group) return document;
    for (const element of document.querySelectorAll('[role="group"], fieldset, [role="region"], section[aria-label]')) {
      const label = element.getAttribute('aria-label') ?? element.querySelector(':scope > legend')?.textContent ?? '';
      if (normalize(label) === group && visible(element)) return element;
    }
    return null;
  };
  const findButton = (name, group) => {
    const scope = scopeOf(group);
    if (!scope) return null;
    return [...scope.querySelectorAll('button')].find((button) => visible(button) && nameOf(button) === name) ?? null;
  };

  /**
   * What a screen shows when it is there: a heading (exact, or starting with a prefix), a number of
   * elements, a field's value, or a text.
   * @param {{ heading?: string; headingPrefix?: string; count?: [string, number]; value?: [string, string]; text?: string }} target
   */
  const present = (target) => {
    if (target.heading !== undefined || target.headingPrefix !== undefined) {
      return [...document.querySelectorAll('h1, h2, h3, [role="heading"]')].some((heading) => {
        if (!visible(heading)) return false;
        const text = normalize(heading.textContent);
        return target.heading !== undefined ? text === target.heading : text.startsWith(target.headingPrefix ?? '');
      });
    }
    if (target.count) return document.querySelectorAll(target.count[0]).length === target.count[1];
    if (target.value) return document.querySelector(target.value[0])?.value === target.value[1];
    if (target.text !== undefined) return normalize(document.body.textContent).includes(target.text);
    return false;
  };

  /**
   * Resolves with the time the frame that shows the target was produced. The check runs in each
   * frame's requestAnimationFrame callback, just before that frame's style, layout and paint, so a
   * target present then is in that frame; a field's value (a property, not a DOM mutation) is seen
   * the same way.
   */
  const whenPainted = (target, timeoutMs = 15_000) =>
    new Promise((resolve, reject) => {
      const until = performance.now() + timeoutMs;
      const check = () => {
        if (present(target)) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now());
          channel.port2.postMessage(null);
          return;
        }
        if (performance.now() > until) return reject(new Error(`timed out waiting for ${JSON.stringify(target)}`));
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });

  /** What the armed measurement waits for after the next click: a target, or null for "just paint". */
  let pending;
  // Capture phase on window: the first listener to see a click, before the kiosk's own handlers run.
  // The frame asked for here comes after every handler of this click has run: the first paint after
  // the tap, which Event Timing measures too. The target may come later (an API call, a chunk).
  window.addEventListener(
    'click',
    (event) => {
      const tapAt = event.timeStamp;
      if (pending === undefined) return;
      const target = pending;
      pending = undefined;
      const firstPaint = nextPaint();
      bench.armed = Promise.all([firstPaint, target === null ? firstPaint : whenPainted(target)]).then(([firstPaintAt, paintedAt]) => ({
        tapAt,
        firstPaintAt,
        paintedAt,
      }));
      bench.armed.catch(() => undefined);
    },
    { capture: true },
  );

  /** The Event Timing duration of the click at `tapAt`, once reported; null when under its 16 ms threshold. */
  bench.eventTimingOf = async (tapAt) => {
    // Entries arrive after the frame they end in; two more frames are enough for one to be queued.
    for (let wait = 0; wait < 3; wait += 1) {
      const entry = bench.eventTimings.find((candidate) => candidate.name === 'click' && Math.abs(candidate.startTime - tapAt) < 0.5);
      if (entry) return entry.duration;
      await nextPaint();
    }
    return null;
  };

  /** Arms a measurement: the next click is the tap; `target` painted (or, for null, the next frame painted) is the end. */
  bench.arm = (target) => {
    if (target !== null && present(target)) throw new Error(`already on screen before the tap: ${JSON.stringify(target)}`);
    pending = target;
    bench.armed = null;
    return true;
  };

  /** The armed measurement's tap and paint times, and the click's Event Timing duration, once there. */
  bench.result = async (timeoutMs = 15_000) => {
    const until = performance.now() + timeoutMs;
    while (!bench.armed) {
      if (performance.now() > until) throw new Error('no tap reached the page');
      await frames(1);
    }
    const times = await bench.armed;
    return { ...times, eventTiming: await bench.eventTimingOf(times.tapAt) };
  };

  /**
   * Waits until no kiosk API call has been in flight for two frames in a row, and returns when the
   * page was painted after the last call finished (the screen with its data).
   */
  bench.settled = async (timeoutMs = 15_000) => {
    const until = performance.now() + timeoutMs;
    for (;;) {
      if (bench.inFlight === 0) {
        await frames(2);
        await nextPaint();
        if (bench.inFlight === 0) return bench.idlePaintedAt;
      } else await frames(1);
      if (performance.now() > until) throw new Error('the kiosk API did not settle');
    }
  };

  bench.waitFor = (target, timeoutMs) => whenPainted(target, timeoutMs);

  /** Taps a button as a finger does (pointerdown, then click) once it is there and enabled. */
  bench.tap = async (name, group, timeoutMs = 15_000) => {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const button = findButton(name, group);
      if (button && !button.disabled && !button.closest('[inert]')) {
        button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
        button.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, pointerType: 'touch' }));
        button.click();
        return true;
      }
      if (performance.now() > until) throw new Error(`no enabled button «${name}»${group ? ` in «${group}»` : ''}`);
      await frames(1);
    }
  };

  /** Presses keys of an on-screen keypad or keyboard one by one. */
  bench.type = async (group, characters) => {
    for (const character of characters) await bench.tap(character, group);
    return true;
  };

  /** Taps a form field by its label, making it the keyboard's target. */
  bench.tapField = async (label, timeoutMs = 15_000) => {
    const until = performance.now() + timeoutMs;
    for (;;) {
      const element = [...document.querySelectorAll('label')].find((candidate) => normalize(candidate.textContent) === label);
      const field = element?.htmlFor ? document.getElementById(element.htmlFor) : element?.querySelector('input');
      if (field && !field.disabled) {
        field.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
        field.focus();
        field.click();
        return true;
      }
      if (performance.now() > until) throw new Error(`no field labelled «${label}»`);
      await frames(1);
    }
  };

  bench.present = present;
}
