// The lockout countdown of the login screens («Вход станет доступен через 14 мин 45 с»): there is
// exactly one on screen, it is worded as a duration and never as a clock («14:45» reads as a time of
// day), and it is read back here as seconds so a test can see it count down.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** «14 мин 45 с», «15 мин», «45 с» at the end of the text; the spaces are U+00A0 (which `\s` takes). */
const DURATION_AT_END = /(?:(\d+)\sмин(?:\s(\d+)\sс)?|(\d+)\sс)$/;

/** The seconds a countdown text ends with. */
export function countdownSeconds(text: string): number {
  const match = DURATION_AT_END.exec(text);
  if (!match) throw new Error(`no duration at the end of «${text}»`);
  const [, minutes, secondsAfterMinutes, secondsAlone] = match;
  return Number(minutes ?? 0) * 60 + Number(secondsAfterMinutes ?? secondsAlone ?? 0);
}

/**
 * Waits for the one countdown of the screen, `sentence` followed by a duration, and gives its
 * seconds. Nothing on the screen looks like a clock, so no second timer tells another time.
 */
export async function theOneCountdown(page: Page, sentence: string): Promise<number> {
  const timer = page.getByRole('timer');
  await expect.poll(() => timer.count()).toBe(1);
  const text = (await timer.textContent()) ?? '';
  expect(text.startsWith(`${sentence} `), text).toBe(true);
  expect(text).toMatch(DURATION_AT_END);
  const shown = await page.locator('main:visible').innerText();
  expect(shown, 'a clock-like time on the login screen').not.toMatch(/\d:\d\d/);
  // The refusal says why and what to do; the time is the countdown's alone.
  const refusal = (await page.getByRole('alert').textContent()) ?? '';
  expect(refusal, 'a second timer in the refusal').not.toMatch(/мин|секунд|\d\sс(?![а-яё])/);
  return countdownSeconds(text);
}

/**
 * Lets `seconds` pass on the page's (paused) fake clock with a customer standing at the screen: a
 * touch every 20 s, so the inactivity timeout does not close the login screen meanwhile.
 */
export async function waitAtTheScreen(page: Page, seconds: number): Promise<void> {
  for (let left = seconds; left > 0; left -= 20) {
    await page.evaluate(() => document.dispatchEvent(new PointerEvent('pointerdown')));
    await page.clock.runFor(Math.min(20, left) * 1000);
  }
}
