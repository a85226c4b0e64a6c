// Every screen and dialog, in landscape 1920×1080, portrait 1080×1920 and a 5:4 1280×1024 screen, in
// normal and large text: the screen's main action and the keypad or keyboard that is open lie wholly
// inside the window (not cut by a scrolling box, not covered by anything), the page itself never
// scrolls (nor sideways), and whatever content scrolls does so in a scroll region, up and down only,
// that shows its ▲ ▼ buttons. A kiosk
// has no mouse wheel, and a customer does not know to swipe. One tour visits each state once and
// measures it in all six variants by resizing the window and switching the text size.
import path from 'node:path';
import type { ElementHandle, Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import { DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { holdStaffCorner, keyboard, keypad, logInAs, typeOnKeyboard, typeOnKeypad, typeStaffLogin } from '../support/kiosk-page';
import { kioskTest } from '../support/kiosk-test';

/** The customer of the tour: five meters (one past its verification), a long list of answered appeals. */
const customer = DEMO.expiredVerification;
const newcomer = DEMO.notRegistered;
const EXTRA_APPEALS = 6;

const it = kioskTest({
  // The tour has many steps and no idle warning must come up in the middle of it.
  env: { KIOSK_IDLE_TIMEOUT_S: '600' },
  // Training mode (its banner takes room too), on a training billing database prepared beforehand:
  // the kiosk's training centre finds it filled and keeps it.
  prepare: async ({ dataDir }) => {
    const server = await startReferenceBillingServer({ dbFile: path.join(dataDir, 'training-billing.sqlite') });
    const { db } = server;
    const working = `${customer.accountNumber}-HW2`;
    const copyMeter = db.prepare(
      `INSERT INTO meter (meter_id, account_number, service, unit, serial_number, installed_on, verification_due_on, integer_digits, fraction_digits)
         SELECT ?, account_number, ?, ?, ?, installed_on, verification_due_on, integer_digits, fraction_digits FROM meter WHERE meter_id = ?`,
    );
    const copyReadings = db.prepare(
      'INSERT INTO meter_reading (meter_id, period, taken_on, value) SELECT ?, period, taken_on, value FROM meter_reading WHERE meter_id = ?',
    );
    for (const [suffix, service, unit, serial] of [
      ['HW3', 'hot-water', 'м³', 'СГВ-55500003'],
      ['HW4', 'hot-water', 'м³', 'СГВ-55500004'],
      ['HT1', 'heating', 'Гкал', 'ТЭМ-555005'],
    ] as const) {
      copyMeter.run(`${customer.accountNumber}-${suffix}`, service, unit, serial, working);
      copyReadings.run(`${customer.accountNumber}-${suffix}`, working);
    }
    const addAppeal = db.prepare(
      `INSERT INTO appeal (appeal_number, account_number, topic_id, text, registered_at, status, answer)
         VALUES (?, ?, 'other', ?, '2026-10-01T10:00:00Z', 'answered', ?)`,
    );
    for (let index = 1; index <= EXTRA_APPEALS; index += 1) {
      addAppeal.run(
        `О-20261001-00000${index}`,
        customer.accountNumber,
        'Прошу разъяснить начисление за горячую воду за сентябрь: показания передавались вовремя.',
        'Начисление выполнено по показаниям прибора учёта; перерасчёт не требуется. Подробности — в выписке.',
      );
    }
    await server.close();
  },
});

const VIEWPORTS = [
  { name: '1920×1080', width: 1920, height: 1080 },
  { name: '1080×1920', width: 1080, height: 1920 },
  { name: '1280×1024', width: 1280, height: 1024 },
] as const;
const TEXT_SIZES = [
  { name: 'normal text', large: false },
  { name: 'large text', large: true },
] as const;

interface ReachOptions {
  /** The screen's main control where it has no `.primary-action` (or more than that to check). */
  main?: Locator[];
  /** A modal dialog is open: the header's buttons get their click directly. */
  covered?: boolean;
}

/** What one state looks like in one variant: each problem named. */
function measureReach(mainElements: Element[]): string[] {
  const problems: string[] = [];
  const describe = (element: Element | null): string => {
    if (!element) return 'nothing';
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
    return `${element.tagName.toLowerCase()}${[...element.classList].map((name) => `.${name}`).join('')} «${label}»`;
  };
  const rendered = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  /** Null when the element is wholly on screen and on top; otherwise what is wrong. */
  const notWhole = (element: Element): string | null => {
    const box = element.getBoundingClientRect();
    const tolerance = 0.5;
    if (box.left < -tolerance || box.top < -tolerance || box.right > innerWidth + tolerance || box.bottom > innerHeight + tolerance) {
      return `outside the window (${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)})`;
    }
    // A dialog in the top layer is clipped by nothing outside it.
    const top = element.closest('dialog[open]') ?? document.documentElement;
    for (let box2 = element.parentElement; box2 && box2 !== top.parentElement; box2 = box2.parentElement) {
      const style = getComputedStyle(box2);
      if (box2 === document.documentElement || (style.overflowX === 'visible' && style.overflowY === 'visible')) continue;
      const clip = box2.getBoundingClientRect();
      if (
        box.top < clip.top - tolerance ||
        box.bottom > clip.bottom + tolerance ||
        box.left < clip.left - tolerance ||
        box.right > clip.right + tolerance
      ) {
        return `cut off by ${describe(box2)} (its bottom at ${Math.round(clip.bottom)}, this at ${Math.round(box.top)}–${Math.round(box.bottom)})`;
      }
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!hit || !(hit === element || element.contains(hit))) return `covered by ${describe(hit)}`;
    return null;
  };
  const layer: ParentNode = document.querySelector('dialog[open]') ?? document;

  const scrolling = document.scrollingElement ?? document.documentElement;
  if (scrolling.scrollHeight > innerHeight) problems.push(`the page scrolls: ${scrolling.scrollHeight} px high`);
  if (scrolling.scrollWidth > innerWidth) problems.push(`the page scrolls sideways: ${scrolling.scrollWidth} px wide`);

  const primary = [...layer.querySelectorAll('.primary-action')].filter(rendered);
  const main = [...new Set([...primary, ...mainElements])];
  if (main.length === 0) problems.push('no main action on screen');
  for (const element of main) {
    const wrong = notWhole(element);
    if (wrong) problems.push(`main action ${describe(element)}: ${wrong}`);
  }

  // Every key of an open keypad or keyboard (one problem line per keyboard, naming its first bad key).
  const keyboards = layer.querySelectorAll(
    '[role="group"][aria-label="Цифровая клавиатура"], [role="group"][aria-label="Экранная клавиатура"], [data-input-keys]',
  );
  for (const keys of [...keyboards].filter(rendered)) {
    if (keys.parentElement?.closest('[data-input-keys]')) continue;
    const all = [...keys.querySelectorAll('button')].filter(rendered);
    const wrong = all.map((key) => [key, notWhole(key)] as const).filter(([, problem]) => problem !== null);
    if (wrong.length > 0) {
      const [key, problem] = wrong[0]!;
      problems.push(
        `${wrong.length} of ${all.length} keys of ${keys.getAttribute('aria-label') ?? 'the keys'} out of reach, e.g. ${describe(key)}: ${problem}`,
      );
    }
  }

  // A scroll region scrolls up and down only: what is wider than it would be cut off.
  for (const viewport of layer.querySelectorAll('[data-scroll-viewport]')) {
    if (rendered(viewport) && viewport.scrollWidth > viewport.clientWidth + 1) {
      problems.push(`scroll region ${describe(viewport)} is ${viewport.scrollWidth} px wide in ${viewport.clientWidth} px`);
    }
  }
  // Whatever has more to show than its room must be a scroll region with its buttons in reach.
  for (const element of layer.querySelectorAll('*')) {
    if (element.matches('textarea, input, select') || !rendered(element)) continue;
    const style = getComputedStyle(element);
    if (!/(auto|scroll)/.test(style.overflowY) || element.scrollHeight <= element.clientHeight + 1) continue;
    const region = element.closest('[data-scroll-region]');
    if (!region || !element.matches('[data-scroll-viewport]')) {
      problems.push(`${describe(element)} scrolls (${element.scrollHeight} in ${element.clientHeight} px) without ▲ ▼ buttons`);
      continue;
    }
    const buttons = [...region.querySelectorAll('[data-scroll-buttons] button')].filter(rendered);
    if (buttons.length !== 2) problems.push(`scroll region ${describe(region)} overflows but shows ${buttons.length} of its ▲ ▼ buttons`);
    for (const button of buttons) {
      const wrong = notWhole(button);
      if (wrong) problems.push(`scroll button ${describe(button)}: ${wrong}`);
    }
    const more = region.querySelector('[data-scroll-more]');
    const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
    if (!atBottom && (!more || !rendered(more))) problems.push(`scroll region ${describe(region)} has more below and does not say so`);
  }
  return problems;
}

/** Waits until the layout stops changing (scroll regions measure themselves after a resize). */
async function settle(page: Page): Promise<void> {
  // The progress indicator of a slow call floats over the screen for a moment: not part of its layout.
  await page.getByText('Пожалуйста, подождите…').waitFor({ state: 'detached' });
  await page.evaluate(async () => {
    const signature = () =>
      [
        document.documentElement.scrollHeight,
        document.documentElement.scrollWidth,
        ...[...document.querySelectorAll('[data-scroll-viewport]')].map((element) => `${element.scrollHeight}/${element.clientHeight}`),
        document.querySelectorAll('[data-scroll-buttons]').length,
      ].join(' ');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let last = '';
    for (let stable = 0, frames = 0; stable < 2 && frames < 30; frames += 1) {
      await frame();
      const now = signature();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
  });
}

async function setLargeText(page: Page, large: boolean, covered: boolean): Promise<void> {
  const isLarge = () => page.evaluate(() => document.documentElement.classList.contains('large-text'));
  if ((await isLarge()) === large) return;
  const toggle = page.getByRole('button', { name: 'Крупный текст', exact: true });
  await (covered ? toggle.dispatchEvent('click') : toggle.click());
  await expect.poll(isLarge).toBe(large);
}

/** Goes through the tour collecting problems; the test fails with all of them at the end. */
function tourOf(page: Page) {
  const findings: string[] = [];
  let checked = 0;
  const reach = async (where: string, options: ReachOptions = {}) => {
    const handles: ElementHandle<Element>[] = [];
    for (const locator of options.main ?? []) {
      // The screen may still be loading what it shows.
      await expect.poll(() => locator.count(), { message: `${where}: its main control ${String(locator)}` }).toBeGreaterThan(0);
      handles.push(...((await locator.elementHandles()) as ElementHandle<Element>[]));
    }
    for (const text of TEXT_SIZES) {
      await setLargeText(page, text.large, options.covered ?? false);
      for (const viewport of VIEWPORTS) {
        await page.setViewportSize({ width: viewport.width, height: viewport.height });
        await settle(page);
        const problems = await page.evaluate(measureReach, handles);
        findings.push(...problems.map((problem) => `${where} [${viewport.name}, ${text.name}]: ${problem}`));
        checked += 1;
      }
    }
    await setLargeText(page, false, options.covered ?? false);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await settle(page);
  };
  return { reach, findings, checked: () => checked };
}

function heading(page: Page, name: string | RegExp, level?: number): Locator {
  return page.getByRole('heading', level ? { name, level } : { name }).first();
}

async function waitFor(locator: Locator): Promise<void> {
  await expect.poll(() => locator.isVisible(), { timeout: 10_000 }).toBe(true);
}

/** «Закрыть» in the dialog that shows what was printed. */
async function closePrintDialog(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: 'Закрыть', exact: true }).click();
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}

const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' });

describe('the main action in reach', () => {
  it('on every screen and dialog, in three window sizes and two text sizes', { timeout: 600_000 }, async ({ openPage }) => {
    const page = await openPage();
    const { reach, findings, checked } = tourOf(page);
    const back = () => button(page, /Назад/).first().click();

    await waitFor(heading(page, 'Добро пожаловать!', 1));
    await reach('start');

    await button(page, 'Войти в личный кабинет').click();
    await waitFor(heading(page, 'Вход в личный кабинет', 1));
    await reach('login, account number on the keypad');
    await typeOnKeypad(page, customer.accountNumber);
    await page.getByLabel('Пароль', { exact: true }).click();
    await waitFor(keyboard(page));
    await reach('login, password on the keyboard');

    await button(page, 'Войти по коду из SMS').click();
    await waitFor(heading(page, 'Вход по коду из SMS', 1));
    await typeOnKeypad(page, DEMO.paperBillOnly.accountNumber);
    await reach('SMS login, account number');
    await button(page, 'Получить код').click();
    await waitFor(page.getByLabel('Код из SMS'));
    await reach('SMS login, the code');
    await button(page, 'Другой лицевой счёт').click();
    await button(page, 'Назад').click();
    await waitFor(heading(page, 'Вход в личный кабинет', 1));
    await button(page, 'Назад').click();

    await button(page, 'По квитанции — без пароля').click();
    await waitFor(heading(page, 'Вход по квитанции', 1));
    await reach('bill login');
    await button(page, 'Назад').click();

    await button(page, 'Регистрация').click();
    await waitFor(heading(page, 'Регистрация в личном кабинете', 1));
    await reach('registration step 1, keypad');
    await page.getByRole('textbox', { name: 'Лицевой счёт' }).click();
    await typeOnKeypad(page, newcomer.accountNumber);
    await page.getByRole('textbox', { name: 'E-mail' }).click();
    await typeOnKeyboard(page, newcomer.email);
    await reach('registration step 1, e-mail keyboard');
    await page.getByRole('textbox', { name: 'Сотовый телефон' }).click();
    await typeOnKeypad(page, '9175555555');
    await page.getByRole('textbox', { name: 'Код активации' }).click();
    await typeOnKeypad(page, newcomer.activationDigits);
    await button(page, 'Далее').click();
    await waitFor(heading(page, 'Соглашение об использовании личного кабинета абонента'));
    await reach('registration step 2, the agreement');
    await page.getByRole('checkbox', { name: /Согласен с условиями соглашения/ }).click();
    await button(page, 'Далее').click();
    await waitFor(page.getByRole('img', { name: 'Картинка с кодом из латинских букв и цифр' }));
    await reach('registration step 3, the code on the picture');
    await back();
    await waitFor(heading(page, 'Добро пожаловать!', 1));

    await button(page, 'Забыли пароль?').click();
    await waitFor(heading(page, /Восстановление пароля/, 1));
    await reach('password recovery, keypad');
    await page.getByRole('textbox', { name: /E-mail/ }).click();
    await waitFor(keyboard(page));
    await reach('password recovery, e-mail keyboard');
    await back();

    await logInAs(page, customer);
    await waitFor(heading(page, /^Здравствуйте/, 1));
    await reach('home');

    await button(page, 'Оплатить').click();
    await waitFor(button(page, 'Сформировать QR\u2011код'));
    await reach('pay, the keypad');
    await keypad(page).getByRole('button', { name: 'Очистить' }).click();
    await typeOnKeypad(page, '500');
    await button(page, 'Сформировать QR\u2011код').click();
    await waitFor(page.getByRole('img', { name: /QR-код/ }));
    await reach('pay, the QR code', { main: [button(page, 'Напечатать квитанцию')] });
    await button(page, 'Напечатать квитанцию').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('pay, the slip printed and its preview', { covered: true });
    await closePrintDialog(page);
    await back();

    await button(page, 'Начисления и платежи').click();
    await waitFor(page.getByTestId('current-charges'));
    await reach('charges');
    await button(page, 'Отобразить').click();
    await waitFor(page.getByTestId('statement-table'));
    await reach('charges, the statement shown', { main: [button(page, 'Напечатать выписку')] });
    await button(page, 'Напечатать выписку').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('charges, the statement printed and its preview', { covered: true });
    await closePrintDialog(page);
    await back();

    await button(page, 'Передать показания').click();
    await waitFor(heading(page, 'Ваши счётчики'));
    expect(await page.locator('input[id^="reading-"]').count()).toBe(5);
    await reach('readings, five meters');
    const field = page.locator('input[id^="reading-"]:not(:disabled)').first();
    const lastReading = (await page.locator('article', { has: field }).locator('dd').nth(2).textContent()) ?? '';
    await field.click();
    await typeOnKeypad(page, String(Number.parseInt(lastReading.replace(/\s/g, ''), 10) + 60));
    await button(page, 'Передать показания').click();
    const confirm = page.getByRole('dialog', { name: 'Подтвердите передачу показаний' });
    await waitFor(confirm);
    await reach('readings, the confirmation dialog', { covered: true });
    await confirm.getByRole('button', { name: 'Да', exact: true }).click();
    await waitFor(heading(page, /^Показания (переданы|приняты)/));
    await reach('readings, submitted', { main: [button(page, 'Напечатать подтверждение')] });
    await button(page, 'Напечатать подтверждение').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('readings, the confirmation printed and its preview', { covered: true });
    await closePrintDialog(page);
    await button(page, 'На главную').click();

    await button(page, 'Мои показания').click();
    await waitFor(heading(page, 'Мои показания', 1));
    await reach('readings history', { main: [button(page, 'Передать показания')] });
    await back();

    await button(page, 'Виртуальная приёмная').click();
    await waitFor(heading(page, 'Виртуальная приёмная', 1));
    await waitFor(page.getByRole('listitem').filter({ hasText: 'О-20261001-000001' }));
    await reach('appeals, the list');
    await button(page, /^Поверка счётчиков/).click();
    await waitFor(heading(page, 'Частые вопросы: Поверка счётчиков', 2));
    await reach('appeals, one topic of the frequent questions', { main: [button(page, 'Написать обращение')] });
    await button(page, 'К темам вопросов').click();
    await button(page, 'Новое обращение').click();
    await waitFor(page.getByRole('radio').first());
    await reach('appeals, a new appeal');
    await page.getByRole('radio', { name: 'Начисления и перерасчёты' }).check();
    await waitFor(page.getByRole('region', { name: 'Возможно, ответ уже есть:' }));
    await reach('appeals, the questions offered before the appeal', {
      main: [button(page, 'Написать обращение'), button(page, 'Ответ найден')],
    });
    await button(page, 'Написать обращение').click();
    await waitFor(keyboard(page));
    await keyboard(page).getByRole('button', { name: 'в', exact: true }).click();
    await button(page, 'Отправить').click();
    await waitFor(page.getByTestId('appeal-number'));
    await reach('appeals, registered', { main: [button(page, 'Напечатать талон обращения')] });
    await button(page, 'Напечатать талон обращения').click();
    await waitFor(page.getByTestId('receipt-preview'));
    await reach('appeals, the ticket printed and its preview', { covered: true });
    await closePrintDialog(page);
    await button(page, 'К списку обращений').click();
    await back();

    await button(page, 'Личная информация').click();
    await waitFor(heading(page, 'Личная информация', 1));
    await reach('profile', { main: [button(page, 'Изменить e-mail'), button(page, 'Изменить пароль')] });
    await button(page, 'Изменить e-mail').click();
    await waitFor(keyboard(page));
    await reach('profile, a new e-mail');
    await back();
    await button(page, 'Изменить пароль').click();
    await waitFor(keyboard(page));
    await reach('profile, a new password');
    await back();
    await back();
    await button(page, 'Выйти').click();

    await waitFor(heading(page, 'Добро пожаловать!', 1));
    await holdStaffCorner(page, 3_300);
    await waitFor(heading(page, 'Вход для сотрудника', 1));
    await reach('staff login');
    await typeStaffLogin(page, TRAINING_STAFF.number, TRAINING_STAFF.pin);
    await waitFor(heading(page, 'Режим сотрудника', 1));
    for (const tab of ['Состояние', 'Очередь отправки', 'Печать', 'Помощь клиенту', 'Учебная квитанция', 'Настройки', 'Журнал действий']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      await page.waitForLoadState('networkidle');
      // Staff screens have no one main action: the tabs and the way out must be in reach.
      await reach(`staff tab «${tab}»`, { main: [page.getByRole('tab', { name: tab }), button(page, 'Выйти из режима сотрудника')] });
    }
    await button(page, 'Выйти из режима сотрудника').click();

    // The inactivity warning, on Playwright's clock.
    const idlePage = await openPage({ fakeClock: true, as: customer });
    const idle = tourOf(idlePage);
    await idlePage.clock.runFor(601_000);
    const warning = idlePage.getByRole('alertdialog', { name: 'Вы ещё здесь?' });
    await waitFor(warning);
    await idle.reach('the inactivity warning', { covered: true });

    expect(checked() + idle.checked()).toBe(40 * 6);
    expect([...findings, ...idle.findings]).toEqual([]);
  });
});
