// The display modes in a real browser through browser mode: «Высокий контраст» and «Крупный текст»
// in the header, one tap each on every screen. High contrast turns the colours to black on white
// with every text at least 7:1 against what is behind it; large text makes the body text half as
// big again (20 px → 30 px) without the screen scrolling sideways; both stay on through login and
// are switched off when the customer leaves (button or inactivity), like the language.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DEMO } from '../support/demo-accounts';
import { logInAs } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest({ config: { ui: { idleTimeoutSeconds: 20, idleWarningSeconds: 20 } } });
const customer = DEMO.owesMoney;

function toggle(page: Page, name: 'Высокий контраст' | 'Крупный текст') {
  return page.getByRole('group', { name: 'Режим отображения' }).getByRole('button', { name, exact: true });
}

async function modesShown(page: Page): Promise<{ highContrast: string | null; largeText: string | null; classes: string }> {
  return {
    highContrast: await toggle(page, 'Высокий контраст').getAttribute('aria-pressed'),
    largeText: await toggle(page, 'Крупный текст').getAttribute('aria-pressed'),
    classes: await page.evaluate(() => [...document.documentElement.classList].sort().join(' ')),
  };
}

/** Every visible text on screen with its contrast ratio against the first opaque background behind it. */
async function textContrasts(page: Page): Promise<Array<{ text: string; ratio: number }>> {
  return page.evaluate(() => {
    const parse = (colour: string): [number, number, number, number] => {
      const parts = /rgba?\(([^)]+)\)/
        .exec(colour)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number) ?? [0, 0, 0, 0];
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const channel = (value: number) => {
        const s = value / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const background = (element: Element | null): [number, number, number, number] => {
      for (let node = element; node; node = node.parentElement) {
        const colour = parse(getComputedStyle(node).backgroundColor);
        if (colour[3] >= 0.99) return colour;
      }
      return [255, 255, 255, 1];
    };
    const results: Array<{ text: string; ratio: number }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || parent.closest('svg, [aria-hidden="true"], [data-testid="receipt-preview"]')) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
      const fore = luminance(parse(getComputedStyle(parent).color));
      const back = luminance(background(parent));
      const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
      results.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
    }
    return results;
  });
}

async function belowSevenToOne(page: Page): Promise<string[]> {
  return (await textContrasts(page)).filter(({ ratio }) => ratio < 7).map(({ text, ratio }) => `${ratio}:1 «${text}»`);
}

/** Size and colour of a paragraph of body text on the start screen («Здесь вы можете:»). */
async function bodyText(page: Page): Promise<{ fontSize: number; color: string }> {
  return page
    .getByText('Здесь вы можете:')
    .evaluate((element) => ({ fontSize: Number.parseFloat(getComputedStyle(element).fontSize), color: getComputedStyle(element).color }));
}

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

describe('display modes', () => {
  it('high contrast and large text: one tap each, black on white at 7:1, text ×1.5, kept through login, off at logout', async ({
    page,
  }) => {
    const problems = pageProblems(page);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await modesShown(page)).toEqual({ highContrast: 'false', largeText: 'false', classes: '' });

    // The start screen's primary action: the way in with the paper bill.
    const primaryAction = page.getByRole('button', { name: 'По квитанции — без пароля' });
    const header = page.getByRole('banner');
    const plain = {
      body: await bodyText(page),
      primary: await primaryAction.evaluate((element) => getComputedStyle(element).backgroundColor),
      header: await header.evaluate((element) => getComputedStyle(element).backgroundColor),
    };
    expect(plain.body.fontSize).toBe(20);
    expect(plain.primary).toBe('rgb(11, 74, 143)');
    // The ordinary colours meet 4.5:1 (AA) but not 7:1 everywhere: high contrast has something to do.
    await page.getByRole('button', { name: 'Регистрация', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Регистрация в личном кабинете' }).isVisible()).toBe(true);
    expect(await belowSevenToOne(page)).not.toEqual([]);
    await page.getByRole('button', { name: /Назад/ }).first().click();

    // High contrast: black on white, every text at least 7:1, here and on the next screen.
    await toggle(page, 'Высокий контраст').click();
    expect(await modesShown(page)).toEqual({ highContrast: 'true', largeText: 'false', classes: 'high-contrast' });
    expect(await primaryAction.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await header.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect((await bodyText(page)).color).toBe('rgb(0, 0, 0)');
    expect(await belowSevenToOne(page)).toEqual([]);
    await page.getByRole('button', { name: 'Регистрация', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Регистрация в личном кабинете' }).isVisible()).toBe(true);
    expect(await belowSevenToOne(page)).toEqual([]);
    await page.getByRole('button', { name: /Назад/ }).first().click();

    // Large text: body text half as big again, at least 30 px, and nothing sideways.
    await toggle(page, 'Крупный текст').click();
    expect(await modesShown(page)).toEqual({ highContrast: 'true', largeText: 'true', classes: 'high-contrast large-text' });
    const large = await bodyText(page);
    expect(large.fontSize).toBeGreaterThanOrEqual(30);
    expect(large.fontSize).toBe(plain.body.fontSize * 1.5);
    expect(await scrollsSideways(page)).toBe(false);

    // High contrast off again: the ordinary colours come back; large text stays.
    await toggle(page, 'Высокий контраст').click();
    expect(await modesShown(page)).toEqual({ highContrast: 'false', largeText: 'true', classes: 'large-text' });
    expect(await primaryAction.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(plain.primary);
    await toggle(page, 'Высокий контраст').click();

    // Both stay on through login, and work on the customer's screens.
    await logInAs(page, customer);
    await expect.poll(() => page.getByRole('heading', { name: /^Здравствуйте/ }).isVisible()).toBe(true);
    expect(await modesShown(page)).toEqual({ highContrast: 'true', largeText: 'true', classes: 'high-contrast large-text' });
    expect(await belowSevenToOne(page)).toEqual([]);
    expect(
      await page.getByText(/^Расчётный период/).evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize)),
    ).toBeGreaterThanOrEqual(30);
    expect(await scrollsSideways(page)).toBe(false);

    // «Выйти»: the next customer starts with ordinary colours and text.
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await modesShown(page)).toEqual({ highContrast: 'false', largeText: 'false', classes: '' });
    expect(await bodyText(page)).toEqual(plain.body);
    expect(await primaryAction.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(plain.primary);
    expect(problems).toEqual([]);
  });

  it('a customer who walks away: the inactivity timeout switches both modes off too', async ({ openPage }) => {
    const page = await openPage({ fakeClock: true });
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await toggle(page, 'Высокий контраст').click();
    await toggle(page, 'Крупный текст').click();
    await logInAs(page, customer);
    await expect.poll(() => page.getByRole('heading', { name: /^Здравствуйте/ }).isVisible()).toBe(true);
    expect(await modesShown(page)).toEqual({ highContrast: 'true', largeText: 'true', classes: 'high-contrast large-text' });

    // 20 s to the warning, 20 s of warning, nobody taps.
    await page.clock.runFor(20_500);
    await expect.poll(() => page.getByRole('alertdialog', { name: 'Вы ещё здесь?' }).isVisible()).toBe(true);
    await page.clock.runFor(20_500);
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    expect(await modesShown(page)).toEqual({ highContrast: 'false', largeText: 'false', classes: '' });
  });
});
