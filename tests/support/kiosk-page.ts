// Touch helpers for end-to-end tests: they press the on-screen keypad and keyboard the way a
// customer does, never the physical keyboard.
import type { Page } from 'playwright-core';

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

/** Collects Content-Security-Policy violations and page errors, which a kiosk must never have. */
export function watchForPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}
