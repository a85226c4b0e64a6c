// Touch helpers for end-to-end tests: they press the on-screen keypad and keyboard the way a
// customer does, never the physical keyboard.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DemoAccount } from './demo-accounts';

export interface StaffCredentials {
  number: string;
  pin: string;
}

export function keypad(page: Page) {
  return page.getByRole('group', { name: 'Цифровая клавиатура' });
}

export function keyboard(page: Page) {
  return page.getByRole('group', { name: 'Экранная клавиатура' });
}

export async function typeOnKeypad(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await keypad(page).getByRole('button', { name: digit, exact: true }).click();
}

/** Types Latin letters and digits on the on-screen keyboard (switching to Latin if needed). */
export async function typeOnKeyboard(page: Page, text: string): Promise<void> {
  const board = keyboard(page);
  if ((await board.getByRole('button', { name: 'ABC', exact: true }).count()) > 0) {
    await board.getByRole('button', { name: 'ABC', exact: true }).click();
  }
  for (const character of text) await board.getByRole('button', { name: character, exact: true }).first().click();
}

export async function logIn(page: Page, accountNumber: string, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
  await typeOnKeypad(page, accountNumber);
  await typeOnKeyboard(page, password);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

export async function logInAs(page: Page, account: DemoAccount): Promise<void> {
  await logIn(page, account.accountNumber, account.password);
}

/** Types a meter reading on the numeric keypad and the screen's own comma key («47,123»). */
export async function typeReading(page: Page, text: string): Promise<void> {
  for (const character of text) {
    if (character === ',') await page.getByRole('button', { name: 'Запятая', exact: true }).click();
    else await typeOnKeypad(page, character);
  }
}

/**
 * Holds the header's corner with the pointer for `ms` milliseconds, without moving: the discreet way
 * into staff mode. `wait` lets a page on Playwright's fake clock hold it on that clock.
 */
export async function holdStaffCorner(page: Page, ms: number, wait = (ms: number) => page.waitForTimeout(ms)): Promise<void> {
  const corner = page.getByRole('button', { name: 'Вход для сотрудника' });
  await corner.scrollIntoViewIfNeeded();
  const box = await corner.boundingBox();
  if (!box) throw new Error('the staff corner is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await wait(ms);
  await page.mouse.up();
}

/** Types a staff number and PIN on the staff login screen's keypad and presses «Войти». */
export async function typeStaffLogin(page: Page, staffNumber: string, pin: string): Promise<void> {
  await page.getByLabel('Табельный номер').click();
  await keypad(page).getByRole('button', { name: 'Очистить' }).click();
  await typeOnKeypad(page, staffNumber);
  await page.getByLabel('PIN-код').click();
  await typeOnKeypad(page, pin);
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
}

/** The corner held for three seconds, the staff login, and the staff screen shown. */
export async function openStaffScreen(page: Page, staff: StaffCredentials): Promise<void> {
  await holdStaffCorner(page, 3_300);
  await expect.poll(() => page.getByRole('heading', { name: 'Вход для сотрудника' }).isVisible()).toBe(true);
  await typeStaffLogin(page, staff.number, staff.pin);
  await waitForStaffScreen(page);
}

/**
 * How long a poll waits for the answer to a staff login. The kiosk checks the PIN with scrypt at
 * OWASP's cost, slow on purpose: beside four e2e files and ESLint on two cores that took longer
 * than a poll's 5 s.
 */
export const STAFF_PIN_CHECK = { timeout: 20_000 };

/** Waits for the staff screen after «Войти». */
export async function waitForStaffScreen(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Режим сотрудника', level: 1 }).isVisible(), STAFF_PIN_CHECK).toBe(true);
}

/** Collects Content-Security-Policy violations and page errors, which a kiosk must never have. */
export function watchForPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
