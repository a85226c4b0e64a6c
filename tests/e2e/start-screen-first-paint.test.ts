// The start screen is in index.html as the build rendered it (scripts/prerender-start-screen.ts), so
// the browser paints it before the kiosk's modules are evaluated; the kiosk then hydrates those very
// nodes. Until then the screen is inert: a tap on a button that cannot act yet does nothing.
import type { Browser, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { VIEWPORTS, showKiosk, type Orientation } from '../support/chromium';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const test = kioskTest();

async function newPage(browser: Browser, orientation: Orientation, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[orientation], hasTouch: true, locale: 'ru-RU', javaScriptEnabled });
  return context.newPage();
}

describe('the start screen before the kiosk’s scripts', () => {
  test('is in the page as it arrives, whole and inert, without any script', async ({ browser, kiosk }) => {
    const page = await newPage(browser, 'landscape', false);
    try {
      await showKiosk(page, kiosk, { live: false });
      expect(await page.locator('#app').getAttribute('inert')).toBe('');
      expect(await page.locator('h1').textContent()).toBe('Добро пожаловать!');
      const buttons = await page.locator('main button').allTextContents();
      expect(buttons.map((text) => text.trim())).toEqual([
        'По квитанции — без пароля',
        'Войти в личный кабинет',
        'Регистрация',
        'Забыли пароль?',
      ]);
      expect(await page.locator('header').textContent()).toContain('Связь с расчётным центром есть');
    } finally {
      await page.context().close();
    }
  });

  test('becomes the live screen by hydration: the same nodes, no longer inert, and they work', async ({ openPage }) => {
    const page = await openPage();
    // Runs before the page's own scripts on the next load: keeps the heading the HTML parser made.
    await page.context().addInitScript(() => {
      new MutationObserver((_changes, observer) => {
        const heading = document.querySelector('h1');
        if (!heading) return;
        (window as unknown as { parsedHeading: Element }).parsedHeading = heading;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    await expect.poll(() => page.locator('#app').getAttribute('inert')).toBeNull();
    expect(
      await page.evaluate(() => document.querySelector('h1') === (window as unknown as { parsedHeading?: Element }).parsedHeading),
    ).toBe(true);
    await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Вход в личный кабинет', level: 1 }).isVisible()).toBe(true);
    expect(pageProblems(page)).toEqual([]);
  });

  test('is laid out for a portrait window in its first frame', async ({ browser, kiosk }) => {
    const page = await newPage(browser, 'portrait');
    try {
      // A frame's callbacks run before it is painted: the first one sees what the first paint shows.
      await page.addInitScript(() => {
        requestAnimationFrame(() => {
          (window as unknown as { firstFrameClasses: string }).firstFrameClasses = document.querySelector('.kiosk')?.className ?? 'none';
        });
      });
      await showKiosk(page, kiosk);
      await expect.poll(() => page.evaluate(() => (window as unknown as { firstFrameClasses?: string }).firstFrameClasses)).toBeDefined();
      const classes = await page.evaluate(() => (window as unknown as { firstFrameClasses: string }).firstFrameClasses.split(' '));
      expect(classes).toEqual(expect.arrayContaining(['kiosk', 'portrait', 'narrow']));
    } finally {
      await page.context().close();
    }
  });
});
