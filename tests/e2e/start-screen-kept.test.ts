// The start screen stays built while another screen is shown (App.svelte): leaving it and coming
// back keeps its nodes, only the screen on view is in the accessibility tree and the page's first
// <main>, and the start screen comes back from its top for the next customer.
import { describe, expect } from 'vitest';
import { kioskTest } from '../support/kiosk-test';

const test = kioskTest();

describe('the start screen kept between visits', () => {
  test('is the same nodes when shown again, hidden meanwhile, and back at its top', async ({ openPage }) => {
    const page = await openPage({ orientation: 'portrait' });
    // Large text makes the start screen's announcements longer than their region.
    await page.getByRole('button', { name: 'Крупный текст' }).click();
    const viewport = page.locator('.start-screen [data-scroll-viewport]');
    await expect.poll(() => viewport.evaluate((element) => element.scrollHeight > element.clientHeight + 1)).toBe(true);
    await viewport.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
      (window as unknown as { startHeading: Element | null }).startHeading = document.querySelector('.start-screen h1');
    });
    expect(await viewport.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Вход в личный кабинет', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('main h1')?.textContent)).toBe('Вход в личный кабинет');
    expect(await page.locator('.start-screen').isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!', level: 1 }).isVisible()).toBe(true);
    expect(
      await page.evaluate(
        () => document.querySelector('.start-screen h1') === (window as unknown as { startHeading: Element | null }).startHeading,
      ),
    ).toBe(true);
    await expect.poll(() => viewport.evaluate((element) => element.scrollTop)).toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  });
});
