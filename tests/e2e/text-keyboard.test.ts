// The on-screen letter keyboard edits at a caret the customer can see and move: typing, «Стереть»
// and inserting happen where the caret is, ◄ ► move it (a tap on the field carries on at its end),
// and «Очистить» empties the field at once. Every layout (ЙЦУКЕН with ё, the Bashkir letters, Latin
// with @ and ., symbols) keeps its keys and fits the screen at 1920×1080, 1080×1920 and 1280×1024
// in normal and large text. Voice mode names the new keys and says where the caret went.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, onTestFinished } from 'vitest';
import type { KioskProcess } from '../support/browser-mode-process';
import { showKiosk } from '../support/chromium';
import { DEMO, TRAINING_STAFF } from '../support/demo-accounts';
import { keyboard, typeOnKeyboard, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';
import { heard, recordSpeech } from '../support/voice-page';

const kioskFor = {
  landscape: kioskTest(),
  portrait: kioskTest({ env: { KIOSK_ORIENTATION: 'portrait' } }),
};
const it = kioskFor.landscape;
const customer = DEMO.owesMoney;
const EMAIL = 'ivanova.mp@example.ru';

/** «Забыли пароль?» with the account typed: the e-mail field is the keyboard's now. */
async function openEmailField(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Забыли пароль?' }).click();
  await expect.poll(() => page.getByRole('heading', { name: /Восстановление пароля/, level: 1 }).isVisible()).toBe(true);
  await typeOnKeypad(page, customer.accountNumber);
  await page.getByLabel('E-mail', { exact: true }).click();
  await expect.poll(() => keyboard(page).isVisible()).toBe(true);
}

/** The e-mail field as the customer sees it: its text, the caret it holds, and the caret drawn in it. */
async function emailField(page: Page) {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#recover-email')!;
    const view = input.parentElement!.querySelector<HTMLElement>('.caret-view');
    const caret = view?.querySelector('.caret')?.getBoundingClientRect();
    const box = input.getBoundingClientRect();
    return {
      value: input.value,
      caret: input.selectionStart,
      drawnText: view?.textContent ?? null,
      caretX: caret ? Math.round(caret.left) : null,
      caretShown: caret ? caret.left >= box.left && caret.right <= box.right && caret.top >= box.top && caret.bottom <= box.bottom : false,
    };
  });
}

/** The keyboard by its name in Russian or Bashkir. */
const anyLanguageBoard = (page: Page) => page.getByRole('group', { name: /^(Экранная клавиатура|Экран клавиатураһы)$/ });

const press = (page: Page, name: string) => keyboard(page).getByRole('button', { name, exact: true }).click();

async function openPageSized(browser: Browser, kiosk: KioskProcess, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'ru-RU' });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await showKiosk(page, kiosk);
  await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
  return page;
}

/** What does not fit on the keyboard shown now: keys off the screen, too small, or with their caption spilling out. */
async function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const board = document.querySelector('.text-keyboard')!.getBoundingClientRect();
    for (const key of document.querySelectorAll<HTMLButtonElement>('.text-keyboard button')) {
      const name = key.getAttribute('aria-label') ?? key.textContent?.trim();
      const box = key.getBoundingClientRect();
      if (box.width < 48 || box.height < 48) problems.push(`«${name}» is ${Math.round(box.width)}×${Math.round(box.height)}`);
      if (box.left < 0 || box.right > window.innerWidth || box.left < board.left - 0.5 || box.right > board.right + 0.5) {
        problems.push(`«${name}» sticks out: ${Math.round(box.left)}…${Math.round(box.right)} of ${window.innerWidth}`);
      }
      const range = document.createRange();
      range.selectNodeContents(key);
      const text = range.getBoundingClientRect();
      if (text.left < box.left - 1 || text.right > box.right + 1) problems.push(`the caption of «${name}» runs out of it`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth)
      problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    return problems;
  });
}

/** The keys' names as a screen reader gives them (their icons are hidden from it). */
const keyNames = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.text-keyboard button')].map((key) => {
      const label = key.getAttribute('aria-label');
      if (label) return label;
      const shown = [...key.childNodes].filter((node) => !(node instanceof Element && node.getAttribute('aria-hidden') === 'true'));
      // A long caption may break at its soft hyphen («Таҙар­тырға»); the name has none.
      return shown
        .map((node) => node.textContent ?? '')
        .join('')
        .replaceAll('\u00ad', '')
        .trim();
    }),
  );

describe('the on-screen keyboard and its caret', () => {
  it('types, erases and inserts at the caret, which ◄ ► move, and «Очистить» empties the field', async ({ page }) => {
    const problems = pageProblems(page);
    await openEmailField(page);
    await typeOnKeyboard(page, EMAIL);
    const typed = await emailField(page);
    expect(typed).toMatchObject({ value: EMAIL, caret: EMAIL.length, drawnText: EMAIL, caretShown: true });

    // Two to the left: before «ru». «Стереть» takes the dot before the caret, not the last letter.
    await press(page, 'Курсор влево');
    await press(page, 'Курсор влево');
    const moved = await emailField(page);
    expect(moved).toMatchObject({ value: EMAIL, caret: EMAIL.length - 2, caretShown: true });
    expect(moved.caretX!).toBeLessThan(typed.caretX!);
    await press(page, 'Стереть');
    expect(await emailField(page)).toMatchObject({
      value: 'ivanova.mp@exampleru',
      caret: EMAIL.length - 3,
      drawnText: 'ivanova.mp@exampleru',
    });
    // A key types at the caret: the dot goes back where it was.
    await press(page, '.');
    expect(await emailField(page)).toMatchObject({ value: EMAIL, caret: EMAIL.length - 2 });
    // ► stops at the end.
    for (let step = 0; step < 3; step += 1) await press(page, 'Курсор вправо');
    expect(await emailField(page)).toMatchObject({ value: EMAIL, caret: EMAIL.length });

    // A tap on the field, anywhere in it, carries on typing at the end of its text.
    await press(page, 'Курсор влево');
    await page.getByLabel('E-mail', { exact: true }).click({ position: { x: 40, y: 20 } });
    expect(await emailField(page)).toMatchObject({ value: EMAIL, caret: EMAIL.length });
    await press(page, 'Стереть');
    expect(await emailField(page)).toMatchObject({ value: 'ivanova.mp@example.r', caret: EMAIL.length - 1 });

    // «Очистить»: the whole address at once, the caret at the start.
    await press(page, 'Очистить');
    expect(await emailField(page)).toMatchObject({ value: '', caret: 0, drawnText: '', caretShown: true });
    // Another field chosen and back: typing goes on at the end of its text.
    await typeOnKeyboard(page, 'a@b.ru');
    await page.getByLabel('Лицевой счёт').click();
    await page.getByLabel('E-mail', { exact: true }).click();
    await typeOnKeyboard(page, 'x');
    expect((await emailField(page)).value).toBe('a@b.rux');
    expect(problems).toEqual([]);
  });

  it('keeps its keys in every layout: ЙЦУКЕН with ё, the nine Bashkir letters, Latin with @ and ., symbols', async ({ page }) => {
    await openEmailField(page);
    const names = async () => new Set(await keyNames(page));
    const board = keyboard(page);
    const everywhere = ['Стереть', 'Очистить', 'Курсор влево', 'Курсор вправо', 'Пробел', '-', '@'];
    expect([...(await names())]).toEqual(expect.arrayContaining([...everywhere, ...'qwertyuiopasdfghjklzxcvbnm.1234567890']));
    await board.getByRole('button', { name: 'АБВ', exact: true }).click();
    expect([...(await names())]).toEqual(expect.arrayContaining([...everywhere, ...'ёйцукенгшщзхъфывапролджэячсмитьбю.,']));
    await board.getByRole('button', { name: '!?#', exact: true }).click();
    expect([...(await names())]).toEqual(expect.arrayContaining([...everywhere, ...'!?#№%&*+=/()"\':;«»$']));
    await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'Башҡортса', exact: true }).click();
    await anyLanguageBoard(page).getByRole('button', { name: 'Хәрефтәр', exact: true }).click();
    const bashkir = ['Юйырға', 'Таҙартырға', 'Курсор һулға', 'Курсор уңға', 'Буш урын'];
    expect([...(await names())]).toEqual(expect.arrayContaining([...bashkir, ...'әөүғҡңҙҫһёйцукенгшщзхъ']));
  });

  it('says what ◄, ► and «Очистить» do in voice mode, never a secret character', async ({ page }) => {
    await openEmailField(page);
    await typeOnKeyboard(page, EMAIL);
    await recordSpeech(page);
    await page.getByRole('button', { name: 'Голосовой режим', exact: true }).click();
    await expect.poll(() => page.getByTestId('voice-caption').isVisible()).toBe(true);
    const left = keyboard(page).getByRole('button', { name: 'Курсор влево', exact: true });
    // A tap names the key, a second one presses it.
    await left.click();
    await heard(page, 'Кнопка. Курсор влево.');
    await left.dblclick();
    await heard(page, 'Курсор влево. Перед «u»');
    await left.dblclick();
    await left.dblclick();
    await heard(page, 'Курсор влево. Перед точкой');
    await keyboard(page).getByRole('button', { name: 'Курсор вправо', exact: true }).dblclick();
    await heard(page, 'Курсор вправо. Перед «r»');
    const clear = keyboard(page).getByRole('button', { name: 'Очистить', exact: true });
    await clear.click();
    await heard(page, 'Кнопка. Очистить.');
    await clear.dblclick();
    await heard(page, 'Стёрто');
    expect(await page.getByLabel('E-mail', { exact: true }).inputValue()).toBe('');
  });

  it('offers ◄ ► only where the field shows the caret: a staff setting has «Очистить» but no caret to move', async ({ openPage }) => {
    const page = await openPage({ asStaff: TRAINING_STAFF });
    await page.getByRole('tab', { name: 'Настройки' }).click();
    const url = page.getByLabel('Адрес расчётного центра', { exact: true });
    await url.click();
    await typeOnKeyboard(page, 'https');
    await expect.poll(() => url.inputValue()).toMatch(/https$/);
    expect(await keyNames(page)).not.toContain('Курсор влево');
    await press(page, 'Очистить');
    expect(await url.inputValue()).toBe('');
  });

  it('in a password, voice mode counts the characters on either side of the caret', async ({ page }) => {
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await typeOnKeypad(page, customer.accountNumber);
    await typeOnKeyboard(page, customer.password);
    await recordSpeech(page);
    await page.getByRole('button', { name: 'Голосовой режим', exact: true }).click();
    await expect.poll(() => page.getByTestId('voice-caption').isVisible()).toBe(true);
    await keyboard(page).getByRole('button', { name: 'Курсор влево', exact: true }).dblclick();
    await heard(page, `Курсор влево. Символов до курсора: ${customer.password.length - 1}, после курсора: 1`);
  });
});

describe('the keyboard fits the screen in every layout', () => {
  for (const { name, viewport, orientation } of [
    { name: '1920×1080', viewport: { width: 1920, height: 1080 }, orientation: 'landscape' },
    { name: '1080×1920', viewport: { width: 1080, height: 1920 }, orientation: 'portrait' },
    { name: '1280×1024', viewport: { width: 1280, height: 1024 }, orientation: 'landscape' },
  ] as const) {
    kioskFor[orientation](`at ${name}, normal and large text`, async ({ browser, kiosk }) => {
      const page = await openPageSized(browser, kiosk, viewport);
      await openEmailField(page);
      const board = keyboard(page);
      const found: string[] = [];
      const check = async (layout: string) => found.push(...(await misfits(page)).map((problem) => `${layout}: ${problem}`));
      for (const large of [false, true]) {
        if (large) await page.getByRole('group', { name: 'Режим отображения' }).getByRole('button', { name: 'Крупный текст' }).click();
        const size = large ? 'large text' : 'normal text';
        await check(`${size}, Latin`);
        await board.getByRole('button', { name: 'Заглавные' }).click();
        await check(`${size}, Latin capitals`);
        await board.getByRole('button', { name: 'АБВ', exact: true }).click();
        await check(`${size}, ЙЦУКЕН`);
        await board.getByRole('button', { name: 'Заглавные' }).click();
        await check(`${size}, ЙЦУКЕН capitals`);
        await board.getByRole('button', { name: 'Заглавные' }).click();
        await board.getByRole('button', { name: '!?#', exact: true }).click();
        await check(`${size}, symbols`);
        await board.getByRole('button', { name: 'Буквы', exact: true }).click();
        const languages = page.getByRole('group', { name: /Язык интерфейса|Интерфейс теле/ });
        await languages.getByRole('button', { name: 'Башҡортса', exact: true }).click();
        await expect.poll(() => anyLanguageBoard(page).getByRole('button', { name: 'ә', exact: true }).isVisible()).toBe(true);
        await check(`${size}, Bashkir`);
        await anyLanguageBoard(page).getByRole('button', { name: 'Баш хәрефтәр' }).click();
        await check(`${size}, Bashkir capitals`);
        await languages.getByRole('button', { name: 'Русский', exact: true }).click();
        await board.getByRole('button', { name: 'ABC', exact: true }).click();
      }
      expect(found).toEqual([]);
    });
  }
});
