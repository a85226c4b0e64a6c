// The benchmarks a customer feels, in Debian's Chromium through browser mode: first contentful
// paint of the start screen, tap → next screen painted on every main screen, login tap → home,
// a keypad key → its digit painted, the 36-month statement's render time, the calls a journey
// makes, and the soak of full customer sessions. Each UI benchmark takes `cpuRate`: Chromium's CPU
// throttling (CDP Emulation.setCPUThrottlingRate), 4 for a kiosk-class Atom or Celeron PC.
import fs from 'node:fs';
import http from 'node:http';
import { chromium } from 'playwright-core';
import { installBenchHelpers } from './page-helpers.mjs';
import { residentMb } from './processes.mjs';

const CHROMIUM_PATH = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate) => !!candidate && fs.existsSync(candidate),
);

export const DEMO_PASSWORD = 'demo1234';

export async function launchBrowser() {
  if (!CHROMIUM_PATH) throw new Error('Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh kiosk-sized touch context holding the kiosk's session cookie (each context is a new browser profile). */
async function kioskContext(browser, kiosk) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true, locale: 'ru-RU' });
  await context.addCookies([{ ...kiosk.sessionCookie, url: kiosk.origin, httpOnly: true, sameSite: 'Strict' }]);
  return context;
}

/** Slows the page's CPU `rate` times (1: as fast as this machine): before it loads, so its start is slowed too. */
async function throttle(context, page, rate) {
  if (rate === 1) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** A fresh kiosk-sized touch context with the bench's instruments, like the end-to-end tests' pages. */
async function newKioskPage(browser, kiosk, cpuRate = 1) {
  const context = await kioskContext(browser, kiosk);
  await context.addInitScript(installBenchHelpers);
  const page = await context.newPage();
  await throttle(context, page, cpuRate);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(kiosk.pageUrl);
  await page.evaluate(() => window.__bench.waitFor({ heading: 'Добро пожаловать!' }));
  // The prerendered start screen is painted before the kiosk is live: wait for that, then its first calls.
  await page.waitForFunction(() => !document.querySelector('#app[inert]'));
  await page.evaluate(() => window.__bench.settled());
  return { page, context, problems };
}

/**
 * Clicks `locator` with real input events. In the page, from the click's input timestamp: the first
 * frame after its handlers (`firstPaint`, what Event Timing measures, and its `eventTiming` when that
 * reports one) and `target` painted (`painted`); then, once the screen's API calls are done, that
 * time too (`settled`). `driver` is the same tap seen from Node: the call to click until the page
 * said the target was painted, protocol round trips included.
 */
async function measureTap(page, locator, target) {
  await page.evaluate((armTarget) => window.__bench.arm(armTarget), target);
  const driverStart = performance.now();
  await locator.click();
  const { tapAt, firstPaintAt, paintedAt, eventTiming } = await page.evaluate(() => window.__bench.result());
  const driver = performance.now() - driverStart;
  // The screen with its data: painted after the last API call the tap started (or the screen itself if none).
  const dataPaintedAt = await page.evaluate(() => window.__bench.settled());
  return {
    painted: paintedAt - tapAt,
    firstPaint: firstPaintAt - tapAt,
    eventTiming,
    settled: Math.max(paintedAt, dataPaintedAt) - tapAt,
    driver,
  };
}

const quickTap = (page, name, group) => page.evaluate(([buttonName, groupName]) => window.__bench.tap(buttonName, groupName), [name, group]);
const quickType = (page, group, text) => page.evaluate(([groupName, characters]) => window.__bench.type(groupName, characters), [group, text]);
const waitFor = (page, target) => page.evaluate((waitTarget) => window.__bench.waitFor(waitTarget), target);
const settled = (page) => page.evaluate(() => window.__bench.settled());

/** Types the account number and password on the keypad and keyboard (the quick way). */
async function typeCredentials(page, accountNumber) {
  await quickType(page, 'Цифровая клавиатура', accountNumber);
  // The full keyboard comes once the last digit is painted.
  await waitFor(page, { count: ['[aria-label="Экранная клавиатура"]', 1] });
  const latin = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label="Экранная клавиатура"] button')].some((button) => button.textContent?.trim() === 'ABC'),
  );
  if (latin) await quickTap(page, 'ABC', 'Экранная клавиатура');
  await quickType(page, 'Экранная клавиатура', DEMO_PASSWORD);
}

/** FCP of the start screen in a fresh context (cold cache), and of a minimal page for the floor. */
export async function firstContentfulPaint(browser, kiosk, { warmup, repetitions }, cpuRate = 1) {
  const fcpOf = async (url, waitForKiosk) => {
    const context = waitForKiosk
      ? await kioskContext(browser, kiosk)
      : await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true, locale: 'ru-RU' });
    const page = await context.newPage();
    await throttle(context, page, cpuRate);
    await page.goto(url);
    if (waitForKiosk) await page.getByRole('heading', { name: 'Добро пожаловать!' }).waitFor();
    const fcp = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const found = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
          if (found() !== undefined) return resolve(found());
          new PerformanceObserver(() => {
            if (found() !== undefined) resolve(found());
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    await context.close();
    return /** @type {number} */ (fcp);
  };
  const blank = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('<!doctype html><html lang="ru"><meta charset="utf-8"><title>floor</title><h1>Добро пожаловать!</h1></html>');
  });
  await new Promise((resolve) => blank.listen(0, '127.0.0.1', () => resolve(undefined)));
  const blankUrl = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (blank.address()).port}/`;
  const samples = [];
  const floor = [];
  try {
    for (let index = 0; index < warmup + repetitions; index += 1) {
      const started = await fcpOf(kiosk.pageUrl, true);
      const minimal = await fcpOf(blankUrl, false);
      if (index >= warmup) {
        samples.push(started);
        floor.push(minimal);
      }
    }
  } finally {
    blank.close();
  }
  return { samples, floor };
}

const HOME = { headingPrefix: 'Здравствуйте' };
const START = { heading: 'Добро пожаловать!' };
const SERVICES = [
  { key: 'pay', button: 'Оплатить', heading: 'Оплатить' },
  { key: 'charges', button: 'Начисления и платежи', heading: 'Начисления и платежи' },
  { key: 'readings', button: 'Передать показания', heading: 'Передать показания' },
  { key: 'appeals', button: 'Виртуальная приёмная', heading: 'Виртуальная приёмная' },
  { key: 'profile', button: 'Личная информация', heading: 'Личная информация' },
];

/** The samples of one kind of tap: in-page (target painted, first paint, with its data), driver-side, Event Timing pairs. */
function tapBucket() {
  return { painted: [], firstPaint: [], settled: [], driver: [], eventTimingPairs: [] };
}

function record(bucket, sample) {
  bucket.painted.push(sample.painted);
  bucket.firstPaint.push(sample.firstPaint);
  bucket.settled.push(sample.settled);
  bucket.driver.push(sample.driver);
  // Where Event Timing reports the click (16 ms and more): [the probe's first paint, Event Timing's duration].
  if (sample.eventTiming !== null) bucket.eventTimingPairs.push([sample.firstPaint, sample.eventTiming]);
}

/**
 * Every main screen: start → registration / password recovery / login and back, login → home,
 * home → each service and back, logout → start. Real clicks (Playwright), measured in the page.
 */
export async function screenTransitions(browser, kiosk, accountNumber, { warmup, repetitions }, cpuRate = 1) {
  const { page, context, problems } = await newKioskPage(browser, kiosk, cpuRate);
  /** @type {Record<string, ReturnType<typeof tapBucket>>} */
  const transitions = {};
  const login = tapBucket();
  const emptyTap = tapBucket();
  const step = async (key, locator, target, measured) => {
    transitions[key] ??= tapBucket();
    const sample = await measureTap(page, locator, target);
    if (measured) record(transitions[key], sample);
  };
  const button = (name, exact = true) => page.getByRole('button', { name, exact });
  const back = () => page.getByRole('button', { name: /^(← )?Назад$/ });
  try {
    for (let round = 0; round < warmup + repetitions; round += 1) {
      const measured = round >= warmup;
      // The floor: a tap on something that changes nothing on screen, then the next frame.
      const empty = await measureTap(page, page.getByRole('heading', { name: 'Добро пожаловать!' }), null);
      if (measured) record(emptyTap, empty);
      await step('start → registration', button('Регистрация'), { heading: 'Регистрация в личном кабинете' }, measured);
      await step('registration → start', back(), START, measured);
      await step('start → password recovery', button('Забыли пароль?'), { heading: 'Восстановление пароля' }, measured);
      await step('password recovery → start', back(), START, measured);
      await step('start → login', button('Войти в личный кабинет'), { heading: 'Вход в личный кабинет' }, measured);
      await typeCredentials(page, accountNumber);
      const loggedIn = await measureTap(page, button('Войти'), HOME);
      if (measured) record(login, loggedIn);
      for (const service of SERVICES) {
        await step(`home → ${service.key}`, button(service.button), { heading: service.heading }, measured);
        await step(`${service.key} → home`, back(), HOME, measured);
      }
      await step('home → start (logout)', button('Выйти'), START, measured);
    }
  } finally {
    await context.close();
  }
  return { transitions, login, emptyTap, problems };
}

/**
 * A keypad key → its digit painted in the field: the account number typed on the login screen's
 * keypad with real clicks, each key measured in the page from its input timestamp.
 */
export async function keyPresses(browser, kiosk, { warmup, repetitions }, cpuRate = 1) {
  const { page, context, problems } = await newKioskPage(browser, kiosk, cpuRate);
  const keys = tapBucket();
  const digits = '820000001';
  try {
    await quickTap(page, 'Войти в личный кабинет');
    await waitFor(page, { heading: 'Вход в личный кабинет' });
    const keypad = page.getByRole('group', { name: 'Цифровая клавиатура' });
    for (let round = 0; round < warmup + repetitions; round += 1) {
      // A full account number moves the keys on to the password: back to the account field first.
      await page.evaluate(() => window.__bench.tapField('Лицевой счёт'));
      await quickTap(page, 'Очистить', 'Цифровая клавиатура');
      await waitFor(page, { value: ['#login-account', ''] });
      for (let index = 0; index < digits.length; index += 1) {
        const sample = await measureTap(page, keypad.getByRole('button', { name: digits[index], exact: true }), {
          value: ['#login-account', digits.slice(0, index + 1)],
        });
        if (round >= warmup) record(keys, sample);
      }
    }
  } finally {
    await context.close();
  }
  return { keys, problems };
}

/**
 * The 36-month statement on «Начисления и платежи»: tap «Отобразить» → 36 months painted, and the
 * render part of it (the API answer's last byte → painted, from the page's resource timing).
 * Alternates 35 and 36 months so each measured tap really replaces the table.
 */
export async function statementRender(browser, kiosk, accountNumber, { warmup, repetitions }, cpuRate = 1) {
  const { page, context, problems } = await newKioskPage(browser, kiosk, cpuRate);
  const total = [];
  const render = [];
  const api = [];
  try {
    await quickTap(page, 'Войти в личный кабинет');
    await typeCredentials(page, accountNumber);
    await quickTap(page, 'Войти');
    await waitFor(page, HOME);
    await quickTap(page, 'Начисления и платежи');
    await waitFor(page, { count: ['[data-testid="statement-month"]', 12] });
    await settled(page);
    await quickTap(page, 'Предыдущий год', 'Начало периода');
    await quickTap(page, 'Предыдущий год', 'Начало периода');
    for (let round = 0; round < warmup + repetitions; round += 1) {
      await quickTap(page, 'Следующий месяц', 'Начало периода');
      await quickTap(page, 'Отобразить');
      await waitFor(page, { count: ['[data-testid="statement-month"]', 35] });
      await settled(page);
      await quickTap(page, 'Предыдущий месяц', 'Начало периода');
      await page.evaluate(() => performance.clearResourceTimings());
      const sample = await measureTap(page, page.getByRole('button', { name: 'Отобразить' }), {
        count: ['[data-testid="statement-month"]', 36],
      });
      const timing = await page.evaluate(() => {
        const entry = performance
          .getEntriesByType('resource')
          .filter((candidate) => candidate.name.includes('charges.statement'))
          .at(-1);
        return entry ? { responseEnd: entry.responseEnd, duration: entry.duration } : null;
      });
      const { paintedAt } = await page.evaluate(() => window.__bench.result());
      if (!timing) throw new Error('no resource timing for charges.statement');
      if (round >= warmup) {
        total.push(sample.painted);
        render.push(paintedAt - timing.responseEnd);
        api.push(timing.duration);
      }
    }
    await quickTap(page, 'Назад');
    await waitFor(page, HOME);
    await quickTap(page, 'Выйти');
    await waitFor(page, START);
  } finally {
    await context.close();
  }
  return { total, render, api, problems };
}

/** From home: «Передать показания», a new reading for one meter, sent, its confirmation on screen. */
async function submitReading(page, { meterSerial, readingText }) {
  await quickTap(page, 'Передать показания');
  await waitFor(page, { heading: 'Передать показания' });
  await page.evaluate((label) => window.__bench.tapField(label), `Новое показание счётчика № ${meterSerial}`);
  await quickTap(page, 'Очистить', 'Цифровая клавиатура');
  await quickType(page, 'Цифровая клавиатура', readingText);
  await quickTap(page, 'Передать показания');
  // A consumption far above the usual asks first: the customer says «Да».
  const outcome = await page.evaluate(async () => {
    const until = performance.now() + 15_000;
    while (performance.now() < until) {
      if (window.__bench.present({ heading: 'Показания переданы' })) return 'done';
      if (window.__bench.present({ heading: 'Подтвердите передачу показаний' })) return 'dialog';
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return 'timeout';
  });
  if (outcome === 'dialog') await quickTap(page, 'Да');
  else if (outcome === 'timeout') throw new Error('the readings were not confirmed');
  await waitFor(page, { heading: 'Показания переданы' });
  await settled(page);
}

/**
 * The calls three journeys make, screen → core (the page's kiosk API calls, by method) and core →
 * billing (`billingSeen`: the requests a counting proxy in front of the billing server saw): login,
 * a reading submitted from the home screen, and a payment slip printed from the home screen.
 */
export async function journeyCalls(browser, kiosk, billingSeen, customer) {
  const { page, context, problems } = await newKioskPage(browser, kiosk);
  /** @type {Record<string, { screen: string[]; billing: string[] }>} */
  const journeys = {};
  const measure = async (name, journey) => {
    await settled(page);
    const screenBefore = await page.evaluate(() => window.__bench.calls.length);
    const billingBefore = billingSeen().length;
    await journey();
    await settled(page);
    journeys[name] = {
      screen: (await page.evaluate(() => window.__bench.calls)).slice(screenBefore),
      billing: billingSeen().slice(billingBefore),
    };
  };
  try {
    await measure('login', async () => {
      await quickTap(page, 'Войти в личный кабинет');
      await waitFor(page, { heading: 'Вход в личный кабинет' });
      await typeCredentials(page, customer.accountNumber);
      await quickTap(page, 'Войти');
      await waitFor(page, HOME);
    });
    await measure('readings submission', () => submitReading(page, customer));
    await quickTap(page, 'На главную');
    await waitFor(page, HOME);
    await measure('payment slip', async () => {
      await quickTap(page, 'Оплатить');
      await waitFor(page, { heading: 'Оплатить' });
      await quickTap(page, 'Напечатать квитанцию');
      await waitFor(page, { text: 'Готово. Возьмите квитанцию из принтера.' });
      await quickTap(page, 'Закрыть');
    });
  } finally {
    await context.close();
  }
  return { journeys, problems };
}

/**
 * One full customer session the quick way (in-page taps): login, the 36-month statement, a meter
 * reading, its printed confirmation, logout.
 */
async function customerSession(page, { accountNumber, meterSerial, readingText }) {
  await quickTap(page, 'Войти в личный кабинет');
  await waitFor(page, { heading: 'Вход в личный кабинет' });
  await typeCredentials(page, accountNumber);
  await quickTap(page, 'Войти');
  await waitFor(page, HOME);

  await quickTap(page, 'Начисления и платежи');
  await waitFor(page, { count: ['[data-testid="statement-month"]', 12] });
  await settled(page);
  await quickTap(page, 'Предыдущий год', 'Начало периода');
  await quickTap(page, 'Предыдущий год', 'Начало периода');
  await quickTap(page, 'Отобразить');
  await waitFor(page, { count: ['[data-testid="statement-month"]', 36] });
  await settled(page);
  await quickTap(page, 'Назад');
  await waitFor(page, HOME);

  await submitReading(page, { meterSerial, readingText });

  // One tap prints; the dialog shows what was printed until «Закрыть».
  await quickTap(page, 'Напечатать подтверждение');
  await waitFor(page, { text: 'Готово. Возьмите квитанцию из принтера.' });
  await quickTap(page, 'Закрыть');
  await quickTap(page, 'На главную');
  await waitFor(page, HOME);
  await quickTap(page, 'Выйти');
  await waitFor(page, START);
  await settled(page);
}

/**
 * Resident memory of Chromium's renderer processes, in MB, from /proc (their pids from the
 * browser's SystemInfo domain). With the soak's one page open, that is the page's renderer (and a
 * spare one Chromium may keep warm), and how many there are.
 */
async function rendererResidentMb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const renderers = processInfo.filter((process) => process.type === 'renderer');
    const mb = renderers.reduce((total, process) => {
      try {
        return total + residentMb(process.id);
      } catch {
        return total; // it exited meanwhile
      }
    }, 0);
    return { mb, processes: renderers.length };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The soak: `sessions` full customer sessions on one page, as a kiosk runs all day. Memory is
 * read after a warm-up (baseline), every few sessions and at the end: the renderer's JS heap after
 * garbage collection in the page, and the kiosk process's memory as `kioskMemory` reads it.
 */
export async function soak(browser, kiosk, { sessions, warmupSessions, settleMs, nextCustomer, kioskMemory, printedJobs, log }) {
  const { page, context, problems } = await newKioskPage(browser, kiosk);
  const cdp = await context.newCDPSession(page);
  const heapMb = async () => {
    await page.evaluate(() => window.__bench.settled());
    // The browser's resource-timing buffer (capped at 250 entries) is not the kiosk's memory, nor
    // are the bench's own records of every API call and slow event (they grow with each session).
    await page.evaluate(() => {
      performance.clearResourceTimings();
      window.__bench.calls.length = 0;
      window.__bench.eventTimings.length = 0;
    });
    for (let index = 0; index < 3; index += 1) await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize / (1024 * 1024);
  };
  /**
   * The same heap split by a heap snapshot: the kiosk's own objects (everything V8 holds but
   * compiled code), and the code V8's compilers made. Code keeps growing for hundreds of sessions as
   * more functions get hot and optimized: that is the engine warming up, not something the kiosk
   * keeps. Read at the baseline and at the end, right after `heapMb` has settled the page and
   * collected its garbage (a snapshot takes a second or two).
   */
  const heapParts = async () => {
    const chunks = [];
    const onChunk = (event) => chunks.push(event.chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    try {
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    } finally {
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    }
    const { snapshot, nodes } = JSON.parse(chunks.join(''));
    const fields = snapshot.meta.node_fields;
    const typeNames = snapshot.meta.node_types[0];
    const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
    const bytes = { objects: 0, code: 0 };
    for (let index = 0; index < nodes.length; index += fields.length) {
      const type = typeNames[nodes[index + typeAt]];
      // `native` nodes are Blink's DOM and rendering objects, outside the JS heap's used size.
      if (type === 'native' || type === 'synthetic') continue;
      bytes[type === 'code' ? 'code' : 'objects'] += nodes[index + sizeAt];
    }
    return { objectsMb: bytes.objects / (1024 * 1024), codeMb: bytes.code / (1024 * 1024) };
  };
  const errors = [];
  const sessionMs = [];
  // Memory every few sessions (after GC in the page), for the curve in results.json.
  const curve = [];
  const sampleEvery = Math.max(1, Math.round(sessions / 50));
  let baseline = null;
  const printedBefore = printedJobs();
  // The kiosk as it starts its day: the start screen shown, no session yet.
  const atStart = { kiosk: await kioskMemory(), renderer: await rendererResidentMb(browser) };
  try {
    for (let index = 0; index < warmupSessions + sessions; index += 1) {
      if (index === warmupSessions) {
        await new Promise((resolve) => setTimeout(resolve, settleMs / 2));
        baseline = {
          heapMb: await heapMb(),
          heapParts: await heapParts(),
          kiosk: await kioskMemory(),
          renderer: await rendererResidentMb(browser),
          printed: printedJobs(),
        };
        curve.push({ session: 0, heapMb: baseline.heapMb, kiosk: baseline.kiosk });
      }
      const start = performance.now();
      try {
        await customerSession(page, nextCustomer());
      } catch (error) {
        errors.push(`session ${index + 1}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        // Back to a known state: a fresh page load logs out whoever is there.
        await page.goto(kiosk.pageUrl);
        await waitFor(page, START).catch(() => undefined);
      }
      sessionMs.push(performance.now() - start);
      const done = index + 1 - warmupSessions;
      if (done > 0 && done < sessions && done % sampleEvery === 0) {
        curve.push({ session: done, heapMb: await heapMb(), kiosk: await kioskMemory() });
      }
      if (done > 0 && (done % 50 === 0 || done === sessions)) log?.(`  soak: ${done}/${sessions} sessions, ${errors.length} errors`);
    }
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const final = { heapMb: await heapMb(), heapParts: await heapParts(), kiosk: await kioskMemory(), renderer: await rendererResidentMb(browser) };
    curve.push({ session: sessions, ...final });
    const apiFailures = await page.evaluate(() => window.__bench.apiFailures);
    const printed = printedJobs() - (baseline?.printed ?? printedBefore);
    if (printed !== sessions) errors.push(`the printer received ${printed} receipts for ${sessions} sessions`);
    return { atStart, baseline, final, sessionMs, curve, errors, problems, apiFailures };
  } finally {
    await cdp.detach().catch(() => undefined);
    await context.close();
  }
}
