// Installed into every kiosk page before its own scripts (Playwright init script, outside the CSP):
// the bench's in-page instruments. It records the moment of every click as it is dispatched, counts
// the kiosk API calls in flight, and waits for a screen to be painted — the target is in the DOM,
// then two animation frames (the frame that contains it has been produced). It also taps buttons
// by their accessible name the quick way (pointerdown + click on the element) for the soak.
// Self-contained: Playwright sends this function's source text to the page.

export function installBenchHelpers() {
  const bench = {
    lastTapAt: 0,
    inFlight: 0,
    idlePaintedAt: 0,
    /** @type {Promise<{ tapAt: number; paintedAt: number }> | null} */
    armed: null,
    /** Failed kiosk API calls (HTTP status ≥ 400, or the transport failing). */
    apiFailures: [],
  };
  Object.defineProperty(window, '__bench', { value: bench });

  // Kiosk API calls in flight, until the kiosk has read the answer's body; and when the page was
  // painted after the last one finished (the screen with its data).
  const originalFetch = window.fetch.bind(window);
  const finished = () => {
    bench.inFlight -= 1;
    if (bench.inFlight === 0) void frames(2).then((at) => (bench.idlePaintedAt = at));
  };
  window.fetch = async (...args) => {
    bench.inFlight += 1;
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
   * elements, or a text.
   * @param {{ heading?: string; headingPrefix?: string; count?: [string, number]; text?: string }} target
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
    if (target.text !== undefined) return normalize(document.body.textContent).includes(target.text);
    return false;
  };

  /** Resolves with the time the target was in the DOM and then painted. */
  const whenPainted = (target, timeoutMs = 15_000) =>
    new Promise((resolve, reject) => {
      let observer = null;
      const timer = setTimeout(() => {
        observer?.disconnect();
        reject(new Error(`timed out waiting for ${JSON.stringify(target)}`));
      }, timeoutMs);
      const done = () => {
        observer?.disconnect();
        clearTimeout(timer);
        void frames(2).then(resolve);
      };
      if (present(target)) return done();
      observer = new MutationObserver(() => {
        if (present(target)) done();
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });

  /** What the armed measurement waits for after the next click: a target, or null for "just paint". */
  let pending;
  // Capture phase on window: the first listener to see a click, before the kiosk's own handlers run.
  window.addEventListener(
    'click',
    () => {
      const tapAt = performance.now();
      bench.lastTapAt = tapAt;
      if (pending === undefined) return;
      const target = pending;
      pending = undefined;
      bench.armed = (target === null ? frames(2) : whenPainted(target)).then((paintedAt) => ({ tapAt, paintedAt }));
      bench.armed.catch(() => undefined);
    },
    { capture: true },
  );

  /** Arms a measurement: the next click is the tap; `target` painted (or, for null, the next frame painted) is the end. */
  bench.arm = (target) => {
    if (target !== null && present(target)) throw new Error(`already on screen before the tap: ${JSON.stringify(target)}`);
    pending = target;
    bench.armed = null;
    return true;
  };

  /** The armed measurement's tap and paint times, once there. */
  bench.result = async (timeoutMs = 15_000) => {
    const until = performance.now() + timeoutMs;
    while (!bench.armed) {
      if (performance.now() > until) throw new Error('no tap reached the page');
      await frames(1);
    }
    return bench.armed;
  };

  /**
   * Waits until no kiosk API call has been in flight for two frames in a row, and returns when the
   * page was painted after the last call finished (the screen with its data).
   */
  bench.settled = async (timeoutMs = 15_000) => {
    const until = performance.now() + timeoutMs;
    for (;;) {
      if (bench.inFlight === 0) {
        await frames(3);
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
