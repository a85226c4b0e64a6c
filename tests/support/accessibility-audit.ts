// The accessibility audit of every screen and dialog, shared by accessibility-landscape.test.ts and
// accessibility-portrait.test.ts: in all three languages and in Russian with high contrast and with
// large text, axe-core (WCAG 2.2 AA; with high contrast also the 7:1 contrast of WCAG AAA; every
// variant in landscape, Russian in portrait) finds no violations, primary actions are at least
// 64×64 CSS px and every other control at least 48×48, no text is smaller than 20 px (30 px with
// large text; the on-screen copy of a receipt included), nothing makes the screen scroll sideways
// and no control's text spills out of it. The main screens are audited with voice mode on as well,
// its panel and caption shown.
import { source as axeSource, type AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Orientation } from './chromium';
import { DEMO, TRAINING_STAFF } from './demo-accounts';
import { holdStaffCorner, keypad, logInAs, typeOnKeyboard, typeOnKeypad, typeStaffLogin, waitForStaffScreen } from './kiosk-page';
import { kioskTest, type OpenPage } from './kiosk-test';

interface Variant {
  name: string;
  /** The language button, named in its own language. */
  language: 'Русский' | 'Башҡортса' | 'English';
  code: 'ru' | 'ba' | 'en';
  highContrast?: boolean;
  largeText?: boolean;
}

const VARIANTS: readonly Variant[] = [
  { name: 'ru', language: 'Русский', code: 'ru' },
  { name: 'ba', language: 'Башҡортса', code: 'ba' },
  { name: 'en', language: 'English', code: 'en' },
  { name: 'ru, high contrast', language: 'Русский', code: 'ru', highContrast: true },
  { name: 'ru, large text', language: 'Русский', code: 'ru', largeText: true },
];
const RUSSIAN = VARIANTS[0]!;

/** The kiosk's idle timeout (the configuration's default) after which the warning appears. */
const IDLE_TIMEOUT_S = 60;

/** Logs in on every screen that needs a customer: the meter that takes readings, nothing due. */
const customer = DEMO.expiredVerification;
const newcomer = DEMO.notRegistered;

interface Finding {
  where: string;
  problem: string;
}

/**
 * axe-core run in the page itself, injected once per page. `@axe-core/playwright` injects its
 * 500 kB source again on every call and finishes each run in a new blank tab, which took a second
 * per audit; this tour makes about 230 audits. The kiosk has no frames, so nothing is lost.
 */
async function runAxe(page: Page, tags: string[]): Promise<Pick<AxeResults, 'violations'>> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Pick<AxeResults, 'violations'>> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    tags,
  );
}

/**
 * axe plus the kiosk's own size and overflow rules, on what is on screen now. `withAxe: false` runs
 * only the kiosk's own rules: axe judges names, roles, language and colours, which the orientation
 * does not change, while sizes and overflow (the kiosk's rules, stricter than axe's) depend on it.
 */
async function audit(page: Page, where: string, variant: Variant, withAxe = true): Promise<Finding[]> {
  const findings: Finding[] = [];
  // High contrast promises 7:1 for all text: axe's AAA contrast rule holds it to that.
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', ...(variant.highContrast ? ['wcag2aaa'] : [])];
  const axe = withAxe ? await runAxe(page, tags) : { violations: [] };
  for (const violation of axe.violations) {
    findings.push({ where, problem: `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}` });
  }
  const minimumText = variant.largeText ? 29.5 : 19.5;
  const problems = await page.evaluate((minimumText) => {
    const problems: string[] = [];
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const nameOf = (element: Element) =>
      element.getAttribute('aria-label') ?? (element.textContent?.trim().slice(0, 30) || element.tagName.toLowerCase());
    for (const control of document.querySelectorAll('button, [role="button"], [role="checkbox"], input, select, a[href]')) {
      if (!visible(control) || control.closest('[inert]')) continue;
      const box = control.getBoundingClientRect();
      const primary = control.classList.contains('primary-action');
      const minimum = primary ? 64 : 48;
      if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
        problems.push(`${primary ? 'primary ' : ''}target "${nameOf(control)}" is ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
      // Its text must stay inside its border: a caption running over the edge is cut or unreadable.
      if (control.tagName === 'BUTTON' && control.textContent?.trim()) {
        const range = document.createRange();
        range.selectNodeContents(control);
        const text = range.getBoundingClientRect();
        const style = getComputedStyle(control);
        const inner = {
          left: box.left + Number.parseFloat(style.borderLeftWidth),
          right: box.right - Number.parseFloat(style.borderRightWidth),
          top: box.top + Number.parseFloat(style.borderTopWidth),
          bottom: box.bottom - Number.parseFloat(style.borderBottomWidth),
        };
        if (text.left < inner.left - 1 || text.right > inner.right + 1 || text.top < inner.top - 1 || text.bottom > inner.bottom + 1) {
          problems.push(
            `text runs out of "${nameOf(control)}": ${Math.round(text.width)}×${Math.round(text.height)} in ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
        }
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const small = new Set<string>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !visible(parent) || parent.closest('svg')) continue;
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (size < minimumText) small.add(`${Math.round(size)}px "${node.textContent.trim().slice(0, 30)}"`);
    }
    for (const text of small) problems.push(`text ${text}`);
    // No sideways scrolling: name the outermost elements that stick out on the right.
    if (document.documentElement.scrollWidth > window.innerWidth) {
      const outermost = [...document.body.querySelectorAll('*')].filter(
        (element) =>
          element.getBoundingClientRect().right > window.innerWidth + 0.5 &&
          (element.parentElement?.getBoundingClientRect().right ?? 0) <= window.innerWidth + 0.5,
      );
      problems.push(
        `the page scrolls sideways (${document.documentElement.scrollWidth} px wide): ${outermost
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
          .join(', ')}`,
      );
    }
    return problems;
  }, minimumText);
  for (const problem of problems) findings.push({ where, problem });
  return findings;
}

/**
 * Shows the current screen in `variant`, with as few taps as it takes: the modes are switched in
 * Russian (their buttons have Russian names then), then the language. A modal dialog covers the
 * header, so there (`covered`) the header buttons get their click event directly instead of a tap.
 */
async function showVariant(page: Page, variant: Variant, covered = false): Promise<void> {
  const press = (button: ReturnType<Page['getByRole']>) => (covered ? button.dispatchEvent('click') : button.click());
  const shown = () =>
    page.evaluate(() => ({
      code: document.documentElement.lang,
      highContrast: document.documentElement.classList.contains('high-contrast'),
      largeText: document.documentElement.classList.contains('large-text'),
    }));
  const wanted = { code: variant.code, highContrast: variant.highContrast ?? false, largeText: variant.largeText ?? false };
  const languages = page.getByRole('group', { name: /Язык интерфейса|Интерфейс теле|Interface language/ });
  const before = await shown();
  if (before.highContrast !== wanted.highContrast || before.largeText !== wanted.largeText) {
    if (before.code !== 'ru') {
      await press(languages.getByRole('button', { name: 'Русский', exact: true }));
      await expect.poll(async () => (await shown()).code).toBe('ru');
    }
    const modes = page.getByRole('group', { name: 'Режим отображения' });
    if (before.highContrast !== wanted.highContrast) await press(modes.getByRole('button', { name: 'Высокий контраст', exact: true }));
    if (before.largeText !== wanted.largeText) await press(modes.getByRole('button', { name: 'Крупный текст', exact: true }));
  }
  if ((await shown()).code !== wanted.code) await press(languages.getByRole('button', { name: variant.language, exact: true }));
  await expect.poll(shown).toEqual(wanted);
}

/**
 * Audits the current screen in every variant, returning to plain Russian for the next step. In
 * portrait axe runs in Russian only: every variant went through it in landscape already.
 */
async function auditEveryVariant(page: Page, orientation: Orientation, where: string, covered = false): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const variant of VARIANTS) {
    await showVariant(page, variant, covered);
    const withAxe = orientation === 'landscape' || variant === RUSSIAN;
    findings.push(...(await audit(page, `${orientation} ${where} [${variant.name}]`, variant, withAxe)));
  }
  await showVariant(page, RUSSIAN, covered);
  return findings;
}

function heading(page: Page, name: string | RegExp, level?: number) {
  return page.getByRole('heading', level ? { name, level } : { name }).first();
}

async function waitForHeading(page: Page, name: string | RegExp, level?: number): Promise<void> {
  await expect.poll(() => heading(page, name, level).isVisible(), { timeout: 10_000 }).toBe(true);
}

/** The main screens, each in every variant. */
async function tour(openPage: OpenPage, orientation: Orientation): Promise<Finding[]> {
  const page = await openPage({ orientation });
  const findings: Finding[] = [];
  const step = async (where: string, title: string | RegExp) => {
    await waitForHeading(page, title, 1);
    findings.push(...(await auditEveryVariant(page, orientation, where)));
  };
  const back = () => page.getByRole('button', { name: /Назад/ }).first().click();

  await step('start', 'Добро пожаловать!');
  await page.getByRole('button', { name: 'Регистрация' }).click();
  await step('registration', 'Регистрация');
  await back();
  await page.getByRole('button', { name: 'Забыли пароль?' }).click();
  await step('password recovery', /Восстановление пароля/);
  await back();
  await page.getByRole('button', { name: 'По квитанции — без пароля' }).click();
  await step('bill login', 'Вход по квитанции');
  await back();
  await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
  await typeOnKeypad(page, customer.accountNumber.slice(0, 6));
  await step('login', 'Вход в личный кабинет');
  await page.getByRole('button', { name: 'Войти по коду из SMS' }).click();
  await step('SMS login', 'Вход по коду из SMS');
  await back();
  await waitForHeading(page, 'Вход в личный кабинет', 1);
  await page.getByRole('button', { name: 'Назад' }).click();

  await logInAs(page, customer);
  await step('home', /^Здравствуйте/);
  for (const [button, title] of [
    ['Оплатить', 'Оплатить'],
    ['Начисления и платежи', 'Начисления и платежи'],
    ['Передать показания', 'Передать показания'],
    ['Мои показания', 'Мои показания'],
    ['Виртуальная приёмная', 'Виртуальная приёмная'],
    ['Личная информация', 'Личная информация'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await step(button, title);
    await back();
  }
  await page.getByRole('button', { name: 'Выйти' }).click();
  return findings;
}

/** Dialogs and the steps and tabs behind a first screen, each in every variant. */
async function subStates(openPage: OpenPage, orientation: Orientation): Promise<Finding[]> {
  const page = await openPage({ orientation });
  const findings: Finding[] = [];
  const check = async (where: string, covered = false) => findings.push(...(await auditEveryVariant(page, orientation, where, covered)));
  await waitForHeading(page, 'Добро пожаловать!', 1);

  // Registration steps 2 (the agreement and its consent) and 3 (the captcha, spelled out too).
  await page.getByRole('button', { name: 'Регистрация', exact: true }).click();
  await waitForHeading(page, 'Регистрация в личном кабинете', 1);
  await page.getByRole('textbox', { name: 'Лицевой счёт' }).click();
  await typeOnKeypad(page, newcomer.accountNumber);
  await typeOnKeyboard(page, newcomer.email);
  await page.getByRole('textbox', { name: 'Сотовый телефон' }).click();
  await typeOnKeypad(page, '9175555555');
  await page.getByRole('textbox', { name: 'Код активации' }).click();
  await typeOnKeypad(page, newcomer.activationDigits);
  await page.getByRole('button', { name: 'Далее', exact: true }).click();
  await waitForHeading(page, 'Соглашение об использовании личного кабинета абонента');
  await check('registration step 2');
  await page.getByRole('checkbox', { name: /Согласен с условиями соглашения/ }).click();
  await page.getByRole('button', { name: 'Далее', exact: true }).click();
  await expect.poll(() => page.getByRole('img', { name: 'Картинка с кодом из латинских букв и цифр' }).isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Прочитать код по буквам' }).click();
  await check('registration step 3');
  await page.reload();
  await waitForHeading(page, 'Добро пожаловать!', 1);

  await logInAs(page, customer);
  await waitForHeading(page, /^Здравствуйте/, 1);

  // The print preview of a payment slip (this customer owes nothing: an advance of 500 ₽).
  await page.getByRole('button', { name: 'Оплатить', exact: true }).click();
  await waitForHeading(page, 'Оплатить', 1);
  await keypad(page).getByRole('button', { name: 'Очистить' }).click();
  await typeOnKeypad(page, '500');
  await page.getByRole('button', { name: 'Сформировать QR\u2011код' }).click();
  // One tap prints; the dialog shows the lines printed.
  await page.getByRole('button', { name: 'Напечатать квитанцию' }).click();
  const printing = page.getByRole('dialog', { name: 'Напечатать квитанцию' });
  await expect.poll(() => printing.getByRole('region', { name: 'Так будет выглядеть квитанция' }).isVisible()).toBe(true);
  await check('payment slip printed, its dialog', true);
  await printing.getByRole('button', { name: 'Закрыть', exact: true }).click();
  await expect.poll(() => printing.count()).toBe(0);
  await page.getByRole('button', { name: /Назад/ }).first().click();

  // The readings confirmation: a reading far above the usual on the meter that takes readings.
  await page.getByRole('button', { name: 'Передать показания', exact: true }).click();
  await waitForHeading(page, 'Ваши счётчики');
  const field = page.locator('input[id^="reading-"]:not(:disabled)').first();
  const lastReading = (await page.locator('article', { has: field }).locator('dd').nth(2).textContent()) ?? '';
  const whole = Number.parseInt(lastReading.replace(/\s/g, ''), 10);
  expect(whole).toBeGreaterThanOrEqual(0);
  await field.click();
  await typeOnKeypad(page, String(whole + 60));
  await page.getByRole('button', { name: 'Передать показания' }).click();
  const dialog = page.getByRole('dialog', { name: 'Подтвердите передачу показаний' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await check('readings confirmation dialog', true);
  await dialog.getByRole('button', { name: 'Нет', exact: true }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await page.getByRole('button', { name: /Назад/ }).first().click();
  await page.getByRole('button', { name: 'Выйти' }).click();

  // Staff: the corner held for three seconds, the PIN login, then every tab of the staff screen.
  await waitForHeading(page, 'Добро пожаловать!', 1);
  await holdStaffCorner(page, 3_300);
  await waitForHeading(page, 'Вход для сотрудника', 1);
  await check('staff login');
  await typeStaffLogin(page, TRAINING_STAFF.number, TRAINING_STAFF.pin);
  await waitForStaffScreen(page);
  for (const tab of ['Состояние', 'Очередь отправки', 'Печать', 'Помощь клиенту', 'Учебная квитанция', 'Настройки', 'Журнал действий']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
    await page.waitForLoadState('networkidle');
    await check(`staff tab «${tab}»`);
  }
  await page.getByRole('button', { name: 'Выйти из режима сотрудника' }).click();
  await page.context().close();

  // The inactivity warning, on Playwright's clock.
  const idlePage = await openPage({ orientation, fakeClock: true });
  await waitForHeading(idlePage, 'Добро пожаловать!', 1);
  await logInAs(idlePage, customer);
  await waitForHeading(idlePage, /^Здравствуйте/, 1);
  await idlePage.clock.runFor((IDLE_TIMEOUT_S + 1) * 1000);
  const warning = idlePage.getByRole('alertdialog', { name: 'Вы ещё здесь?' });
  await expect.poll(() => warning.isVisible()).toBe(true);
  findings.push(...(await auditEveryVariant(idlePage, orientation, 'idle warning', true)));
  await warning.getByRole('button', { name: 'Продолжить работу' }).click();
  await expect.poll(() => warning.count()).toBe(0);
  return findings;
}

/**
 * The suite for one orientation, in a test file of its own so the two run side by side: its own
 * kiosk (a fresh data folder) and Chromium. Landscape also proves the audit sees a fault.
 */
export function describeAccessibility(orientation: Orientation): void {
  const it = kioskTest(orientation === 'portrait' ? { env: { KIOSK_ORIENTATION: 'portrait' } } : {});
  describe(`accessibility, touch sizes and overflow in ${orientation}`, () => {
    if (orientation === 'landscape') {
      // The audit itself must see a fault, or an empty list of findings would prove nothing.
      it('the audit finds a nameless tiny button and small text', async ({ openPage }) => {
        const page = await openPage({ orientation: 'landscape' });
        await waitForHeading(page, 'Добро пожаловать!', 1);
        await page.evaluate(() => {
          const fault = document.createElement('button');
          fault.style.cssText = 'width: 30px; height: 30px; font-size: 12px';
          const caption = document.createElement('p');
          caption.style.fontSize = '12px';
          caption.textContent = 'мелкий текст';
          document.querySelector('main')?.append(fault, caption);
        });
        const problems = (await audit(page, 'start with a fault', RUSSIAN)).map((finding) => finding.problem);
        expect(problems).toEqual(
          expect.arrayContaining([expect.stringMatching(/^button-name: /), 'target "button" is 30×30', 'text 12px "мелкий текст"']),
        );
      });
    }

    it(
      `every screen in ${orientation}: Russian, Bashkir, English, high contrast, large text`,
      { timeout: 120_000 },
      async ({ openPage }) => {
        const findings = await tour(openPage, orientation);
        expect(findings.map((finding) => `${finding.where}: ${finding.problem}`)).toEqual([]);
      },
    );

    it(`with voice mode on in ${orientation}: its panel and caption on the start screen and the main services`, async ({ openPage }) => {
      const findings: Finding[] = [];
      const turnOnVoice = async (page: Page) => {
        await page.getByRole('button', { name: 'Голосовой режим', exact: true }).click();
        await expect.poll(() => page.getByTestId('voice-caption').isVisible()).toBe(true);
      };
      const start = await openPage({ orientation });
      await waitForHeading(start, 'Добро пожаловать!', 1);
      await turnOnVoice(start);
      findings.push(...(await audit(start, `${orientation} start, voice mode`, RUSSIAN)));

      const page = await openPage({ orientation, as: customer });
      await turnOnVoice(page);
      findings.push(...(await audit(page, `${orientation} home, voice mode`, RUSSIAN)));
      // In voice mode a tap names a control and a second tap presses it.
      for (const [service, title] of [
        ['Оплатить', 'Оплатить'],
        ['Передать показания', 'Передать показания'],
        ['Начисления и платежи', 'Начисления и платежи'],
      ] as const) {
        await page.getByRole('button', { name: service, exact: true }).dblclick();
        await waitForHeading(page, title, 1);
        findings.push(...(await audit(page, `${orientation} ${service}, voice mode`, RUSSIAN)));
        await page.getByRole('button', { name: /Назад/ }).first().dblclick();
        await waitForHeading(page, /^Здравствуйте/, 1);
      }
      expect(findings.map((finding) => `${finding.where}: ${finding.problem}`)).toEqual([]);
    });

    it(`the frequent questions in ${orientation}: a topic with an answer open, and those offered before an appeal`, async ({
      openPage,
    }) => {
      const page = await openPage({ orientation, as: customer });
      const findings: Finding[] = [];
      await page.getByRole('button', { name: 'Виртуальная приёмная', exact: true }).click();
      await waitForHeading(page, 'Виртуальная приёмная', 1);
      await page.getByRole('button', { name: /^Способы оплаты/ }).click();
      await waitForHeading(page, 'Частые вопросы: Способы оплаты', 2);
      await page.getByRole('button', { name: 'Где ещё можно оплатить?' }).click();
      findings.push(...(await auditEveryVariant(page, orientation, 'frequent questions of a topic')));
      await page.getByRole('button', { name: 'К темам вопросов' }).click();
      await page.getByRole('button', { name: 'Новое обращение' }).click();
      await page.getByRole('radio', { name: 'Передача показаний и приборы учёта' }).check();
      await waitForHeading(page, 'Возможно, ответ уже есть:', 2);
      await page.getByRole('button', { name: 'Как поверить счётчик?' }).click();
      findings.push(...(await auditEveryVariant(page, orientation, 'frequent questions before an appeal')));
      expect(findings.map((finding) => `${finding.where}: ${finding.problem}`)).toEqual([]);
    });

    it(
      `dialogs, registration steps, print preview and staff tabs in ${orientation}, in every variant`,
      { timeout: 150_000 },
      async ({ openPage }) => {
        const findings = await subStates(openPage, orientation);
        expect(findings.map((finding) => `${finding.where}: ${finding.problem}`)).toEqual([]);
      },
    );
  });
}
