// The layout follows the real screen: with the default setting (`auto`) a window taller than wide
// gets the portrait layout, and turns back when it is resized; the terminal's setting can still force
// either. Portrait hardware under a forced landscape default once put the login keyboard's «0»,
// «Стереть», «@» and «-» off the screen (a page 1,249 px wide on a 1,065 px screen).
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { keyboard } from '../support/kiosk-page';
import { kioskTest } from '../support/kiosk-test';

const auto = kioskTest();
const forcedLandscape = kioskTest({ env: { KIOSK_ORIENTATION: 'landscape' } });
const forcedPortrait = kioskTest({ env: { KIOSK_ORIENTATION: 'portrait' } });

const PORTRAIT = { width: 1080, height: 1920 };
const LANDSCAPE = { width: 1920, height: 1080 };

function portraitLayout(page: Page): Promise<boolean> {
  return page.evaluate(() => document.querySelector('.kiosk')?.classList.contains('portrait') ?? false);
}

// The window's shape lays out the first frame; a forced setting turns it once the terminal's facts
// arrive. A tap in between can land on a field that is moving, so a test waits for the layout it
// expects before it taps.
async function openLoginKeyboard(page: Page, portrait: boolean): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
  await expect.poll(() => portraitLayout(page)).toBe(portrait);
  await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
  await page.getByLabel('Пароль', { exact: true }).click();
  await expect.poll(() => keyboard(page).isVisible()).toBe(true);
}

describe('the layout follows the screen', () => {
  auto(
    'by default a portrait screen gets the portrait layout, the whole keyboard on it, and turning it back works',
    async ({ openPage }) => {
      const page = await openPage({ orientation: 'portrait' });
      await openLoginKeyboard(page, true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PORTRAIT.width);
      for (const name of ['0', 'Стереть', '@', '-']) {
        const box = await keyboard(page).getByRole('button', { name, exact: true }).boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.x, name).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, name).toBeLessThanOrEqual(PORTRAIT.width);
        expect(box!.y + box!.height, name).toBeLessThanOrEqual(PORTRAIT.height);
      }

      await page.setViewportSize(LANDSCAPE);
      await expect.poll(() => portraitLayout(page)).toBe(false);
      await page.setViewportSize(PORTRAIT);
      await expect.poll(() => portraitLayout(page)).toBe(true);
    },
  );

  forcedLandscape('the setting «landscape» keeps the landscape layout on a portrait screen', async ({ openPage }) => {
    const page = await openPage({ orientation: 'portrait' });
    await openLoginKeyboard(page, false);
    expect(await portraitLayout(page)).toBe(false);
  });

  forcedPortrait('the setting «portrait» keeps the portrait layout on a landscape screen', async ({ openPage }) => {
    const page = await openPage({ orientation: 'landscape' });
    await openLoginKeyboard(page, true);
    expect(await portraitLayout(page)).toBe(true);
  });
});
