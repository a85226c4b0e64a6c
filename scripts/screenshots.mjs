// `npm run screenshots`: pictures of every screen and dialog for review by eye, in landscape
// (1920×1080), portrait (1080×1920) and on a 5:4 screen (1280×1024), in Russian, Bashkir and
// English, and in Russian with high contrast and with large text, into screenshots/ (git-ignored). It builds if the build is stale,
// starts the kiosk in browser mode (training mode, a fresh temporary data folder per window size)
// and drives Debian's Chromium through playwright-core, tapping the on-screen keypad and keyboard
// the way a customer does.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = process.cwd();
const OUT_DIR = path.join(root, 'screenshots');
const ENTRY = path.join(root, '.vite/node/browser-mode.js');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate) => candidate && fs.existsSync(candidate),
);

/** The window sizes, each with its own kiosk; the terminal's layout setting is left at `auto`, so each follows its window. */
const VIEWPORTS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  '1280x1024': { width: 1280, height: 1024 },
};

/** Each screen is captured in every variant: the language is named as its button says, the modes by their Russian names. */
const VARIANTS = [
  { name: 'ru', language: 'Русский' },
  { name: 'ba', language: 'Башҡортса' },
  { name: 'en', language: 'English' },
  { name: 'ru-high-contrast', language: 'Русский', highContrast: true },
  { name: 'ru-large-text', language: 'Русский', largeText: true },
];
const LANGUAGE_CODES = { Русский: 'ru', Башҡортса: 'ba', English: 'en' };

/** The kiosk's idle timeout during the tour: long, so no warning appears in the other pictures. */
const TOUR_IDLE_SECONDS = 600;

const STAFF = { number: '1001', pin: '123456' };
const DEMO_PASSWORD = 'demo1234';

let taken = 0;

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});

async function main() {
  if (!CHROMIUM) throw new Error('Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)');
  if (isBuildStale()) {
    console.log('The build is missing or older than the sources: npm run build');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    for (const orientation of Object.keys(VIEWPORTS)) {
      const kiosk = await startKiosk();
      try {
        console.log(`${orientation}: kiosk at ${kiosk.origin}`);
        await captureOrientation(browser, kiosk, orientation);
      } finally {
        await kiosk.stop();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${taken} screenshots in ${path.relative(root, OUT_DIR) || OUT_DIR}/ (<orientation>/<variant>/<screen>.png)`);
}

async function captureOrientation(browser, kiosk, orientation) {
  const context = await browser.newContext({ viewport: VIEWPORTS[orientation], hasTouch: true, locale: 'ru-RU' });
  await context.addCookies([kiosk.sessionCookie]);
  const page = await context.newPage();
  const shoot = (screen) => captureVariants(page, orientation, screen);
  // A reload starts the kiosk afresh at the start screen, with nobody logged in.
  const restart = async () => {
    await page.reload();
    await startScreenLive(page);
  };

  await page.goto(kiosk.url);
  await startScreenLive(page);
  await shoot('01-start');

  // Registration: the details, the agreement with its consent, the captcha.
  await page.getByRole('button', { name: 'Регистрация', exact: true }).click();
  await heading(page, 'Регистрация в личном кабинете');
  await shoot('02-registration-1-details');
  await page.getByRole('textbox', { name: 'Лицевой счёт' }).click();
  await typeOnKeypad(page, '820000004');
  await typeOnKeyboard(page, 'ivanova@example.ru');
  await page.getByRole('textbox', { name: 'Сотовый телефон' }).click();
  await typeOnKeypad(page, '9175555555');
  await page.getByRole('textbox', { name: 'Код активации' }).click();
  await typeOnKeypad(page, '482173901156');
  await page.getByRole('button', { name: 'Далее', exact: true }).click();
  await heading(page, 'Соглашение об использовании личного кабинета абонента', null);
  await page.getByRole('checkbox', { name: /Согласен с условиями соглашения/ }).click();
  await shoot('03-registration-2-agreement');
  await page.getByRole('button', { name: 'Далее', exact: true }).click();
  await page.getByRole('img', { name: 'Картинка с кодом из латинских букв и цифр' }).waitFor();
  await page.getByRole('button', { name: 'Прочитать код по буквам' }).click();
  await shoot('04-registration-3-captcha');

  await restart();
  await page.getByRole('button', { name: 'Забыли пароль?' }).click();
  await heading(page, 'Восстановление пароля');
  await shoot('05-password-recovery');

  await restart();
  await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
  await heading(page, 'Вход в личный кабинет');
  await typeOnKeypad(page, '820000');
  await shoot('06-login');

  await restart();
  await logIn(page, '820000003');
  await heading(page, /^Здравствуйте/);
  await shoot('07-home');

  await openService(page, 'Оплатить', 'Оплатить');
  await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).waitFor();
  await shoot('08-pay');
  await payslipFor500(page);
  await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
  await page.getByRole('region', { name: 'Так будет выглядеть квитанция' }).waitFor();
  await shoot('09-pay-printed-dialog');
  await closePrintDialog(page);
  await backHome(page);

  await openService(page, 'Начисления и платежи', 'Начисления и платежи');
  await page.getByTestId('statement-month').first().waitFor();
  await shoot('10-charges');
  await page.getByRole('button', { name: 'Напечатать выписку' }).click();
  await page.getByRole('region', { name: 'Так будет выглядеть квитанция' }).waitFor();
  await shoot('11-charges-statement-printed-dialog');
  await closePrintDialog(page);
  await backHome(page);

  await openService(page, 'Передать показания', 'Передать показания');
  await heading(page, 'Ваши счётчики', null);
  await shoot('12-readings');
  await enterFarTooHighReading(page);
  await page.getByRole('button', { name: 'Передать показания' }).click();
  const dialog = page.getByRole('dialog', { name: 'Подтвердите передачу показаний' });
  await dialog.waitFor();
  await shoot('13-readings-confirm-dialog');
  await dialog.getByRole('button', { name: 'Да', exact: true }).click();
  await heading(page, /^Показания (переданы|приняты)/, null);
  await shoot('14-readings-submitted');
  await page.getByRole('button', { name: 'На главную' }).click();
  await heading(page, /^Здравствуйте/);

  await openService(page, 'Виртуальная приёмная', 'Виртуальная приёмная');
  await shoot('15-appeals');
  await page.getByRole('button', { name: 'Новое обращение' }).click();
  await page.getByRole('radio').first().waitFor();
  await shoot('16-appeals-new');
  await backHome(page);

  await openService(page, 'Личная информация', 'Личная информация');
  await shoot('17-profile');

  // Staff: the hidden corner held for three seconds, the PIN, each tab of the staff screen.
  await restart();
  await holdStaffCorner(page);
  await heading(page, 'Вход для сотрудника');
  await shoot('18-staff-login');
  await page.getByLabel('Табельный номер').click();
  await typeOnKeypad(page, STAFF.number);
  await page.getByLabel('PIN-код').click();
  await typeOnKeypad(page, STAFF.pin);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  await heading(page, 'Режим сотрудника');
  const tabs = ['status', 'outbox', 'print', 'assist', 'settings', 'audit'];
  for (const [index, tab] of tabs.entries()) {
    await page.getByRole('tab').nth(index).click();
    await page.waitForLoadState('networkidle');
    await shoot(`${19 + index}-staff-${tab}`);
  }
  await context.close();

  await captureIdleWarning(browser, kiosk, orientation, '25-idle-warning');
}

/** The inactivity warning, on Playwright's clock: each variant waits for it anew, and «Продолжить работу» closes it. */
async function captureIdleWarning(browser, kiosk, orientation, screen) {
  const context = await browser.newContext({ viewport: VIEWPORTS[orientation], hasTouch: true, locale: 'ru-RU' });
  await context.addCookies([kiosk.sessionCookie]);
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(kiosk.url);
  await startScreenLive(page);
  await logIn(page, '820000001');
  await heading(page, /^Здравствуйте/);
  const warning = page.getByRole('alertdialog');
  for (const variant of VARIANTS) {
    await applyVariant(page, variant);
    await page.clock.runFor((TOUR_IDLE_SECONDS + 1) * 1000);
    await warning.waitFor();
    await save(page, orientation, variant, screen);
    await warning.getByRole('button').click();
    await warning.waitFor({ state: 'detached' });
  }
  await applyVariant(page, VARIANTS[0]);
  await context.close();
}

async function captureVariants(page, orientation, screen) {
  for (const variant of VARIANTS) {
    await applyVariant(page, variant);
    await save(page, orientation, variant, screen);
  }
  await applyVariant(page, VARIANTS[0]);
}

async function save(page, orientation, variant, screen) {
  // Wait for any progress indicator to go and for the new layout to be painted.
  await page.getByText('Пожалуйста, подождите…').waitFor({ state: 'detached' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const file = path.join(OUT_DIR, orientation, variant.name, `${screen}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  taken += 1;
}

/**
 * Russian first (the mode buttons have Russian names then), the modes as wanted, then the variant's
 * language. The header's buttons get their click event directly: a modal dialog's backdrop covers
 * them (so a tap cannot reach them), and no tap means the idle warning stays up for its picture.
 */
async function applyVariant(page, variant) {
  const languages = page.getByRole('group', { name: /Язык интерфейса|Интерфейс теле|Interface language/ });
  await languages.getByRole('button', { name: 'Русский', exact: true }).dispatchEvent('click');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  for (const [name, wanted] of [
    ['Высокий контраст', Boolean(variant.highContrast)],
    ['Крупный текст', Boolean(variant.largeText)],
  ]) {
    const toggle = page.getByRole('button', { name, exact: true });
    if ((await toggle.getAttribute('aria-pressed')) !== String(wanted)) await toggle.dispatchEvent('click');
  }
  await languages.getByRole('button', { name: variant.language, exact: true }).dispatchEvent('click');
  const code = LANGUAGE_CODES[variant.language];
  await page.waitForFunction(
    ([lang, highContrast, largeText]) =>
      document.documentElement.lang === lang &&
      document.documentElement.classList.contains('high-contrast') === highContrast &&
      document.documentElement.classList.contains('large-text') === largeText,
    [code, Boolean(variant.highContrast), Boolean(variant.largeText)],
  );
}

/**
 * The start screen once the kiosk runs it: the prerendered one is painted (and has its heading)
 * before, and the header's buttons get their clicks directly, which an inert screen would lose.
 */
async function startScreenLive(page) {
  await heading(page, 'Добро пожаловать!');
  await page.waitForFunction(() => !document.querySelector('#app[inert]'));
}

async function heading(page, name, level = 1) {
  await page
    .getByRole('heading', level ? { name, level } : { name })
    .first()
    .waitFor({ timeout: 15_000 });
}

async function openService(page, button, title) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await heading(page, title);
}

/** «Назад» until the home screen (a sub-state such as the new appeal form may need two). */
async function backHome(page) {
  const home = page.getByRole('heading', { name: /^Здравствуйте/, level: 1 });
  for (let attempt = 0; attempt < 3 && !(await home.isVisible()); attempt += 1) {
    await page.getByRole('button', { name: /Назад/ }).first().click();
    await page.waitForTimeout(200);
  }
  await home.waitFor();
}

/** «Закрыть» in the dialog that shows what was printed. */
async function closePrintDialog(page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

function keypad(page) {
  return page.getByRole('group', { name: 'Цифровая клавиатура' });
}

async function typeOnKeypad(page, digits) {
  for (const digit of digits) await keypad(page).getByRole('button', { name: digit, exact: true }).click();
}

async function typeOnKeyboard(page, text) {
  const board = page.getByRole('group', { name: 'Экранная клавиатура' });
  if ((await board.getByRole('button', { name: 'ABC', exact: true }).count()) > 0) {
    await board.getByRole('button', { name: 'ABC', exact: true }).click();
  }
  for (const character of text) await board.getByRole('button', { name: character, exact: true }).first().click();
}

async function logIn(page, accountNumber) {
  await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
  await typeOnKeypad(page, accountNumber);
  await typeOnKeyboard(page, DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

/** 820000003 owes nothing: the slip (and its print button) appears once an advance of 500 ₽ is asked for. */
async function payslipFor500(page) {
  await keypad(page).getByRole('button', { name: 'Очистить' }).click();
  await typeOnKeypad(page, '500');
  await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).click();
  await page.getByRole('button', { name: 'Напечатать квитанцию' }).waitFor();
}

/** On the first meter that takes readings: its last reading plus 60 whole units, far above the usual. */
async function enterFarTooHighReading(page) {
  const field = page.locator('input[id^="reading-"]:not(:disabled)').first();
  const card = page.locator('article', { has: field });
  const last = (await card.locator('dd').nth(2).textContent()) ?? '';
  const whole = Number.parseInt(last.replace(/\s/g, ''), 10) || 0;
  await field.click();
  await typeOnKeypad(page, String(whole + 60));
}

async function holdStaffCorner(page) {
  const box = await page.getByRole('button', { name: 'Вход для сотрудника' }).boundingBox();
  if (!box) throw new Error('the staff corner is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(3_300);
  await page.mouse.up();
}

/** Browser mode as `npm start` runs it, headless, with its own data folder. */
async function startKiosk() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-screenshots-'));
  const child = spawn(process.execPath, ['--enable-source-maps', ENTRY], {
    env: {
      ...process.env,
      KIOSK_HEADLESS: '1',
      KIOSK_DATA_DIR: dataDir,
      KIOSK_PORT: '0',
      KIOSK_IDLE_TIMEOUT_S: String(TOUR_IDLE_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the kiosk did not start:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /Kiosk ready: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the kiosk exited with ${code}:\n${output}`));
    });
  });
  // Spend the launch code once, as the kiosk's browser does; each context then gets its cookie.
  const launched = await fetch(url, { redirect: 'manual' });
  const cookie = /^([^=]+)=([^;]+)/.exec(launched.headers.get('set-cookie') ?? '');
  if (launched.status !== 303 || !cookie) throw new Error(`the launch URL gave ${launched.status} and no session cookie`);
  const origin = new URL(url).origin;
  return {
    url: `${origin}/`,
    origin,
    sessionCookie: { name: cookie[1], value: cookie[2], url: origin, httpOnly: true, sameSite: 'Strict' },
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/** A build is stale when any source is newer than the oldest build output (as in scripts/start.mjs). */
function isBuildStale() {
  const outputs = [ENTRY, path.join(root, '.vite/renderer/main_window/index.html')];
  if (!outputs.every((file) => fs.existsSync(file))) return true;
  const builtAt = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const sources = ['src-main', 'src-renderer', 'package.json', 'vite.renderer.config.ts'];
  return sources.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

function newestMtime(target) {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}
