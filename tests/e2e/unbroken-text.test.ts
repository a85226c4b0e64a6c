// Numbers and terms that must stay whole on screen, measured by their line boxes in a real browser
// at the kiosk's three screen sizes, in normal and large text: «QR-код» (on «Сформировать QR-код»
// and the hints that name it), the contact centre's 8-800-250-52-80, a registration or appeal
// number with its «№» («(№» / «П-20261201-000001)» was seen), and the monthly charts' first and
// last month labels, which must lie inside the chart (the first once read «.2.23» for «12.23»).
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, onTestFinished } from 'vitest';
import { showKiosk } from '../support/chromium';
import { DEMO } from '../support/demo-accounts';
import { workingMeterOf } from '../support/demo-meters';
import { logInAs } from '../support/kiosk-page';
import { kioskTest } from '../support/kiosk-test';
import type { KioskProcess } from '../support/browser-mode-process';

const customer = DEMO.expiredVerification;

/** The kiosk's screens: a landscape kiosk for the two landscape sizes, one set to portrait for the portrait screen. */
const kioskFor = {
  landscape: kioskTest(),
  portrait: kioskTest({ env: { KIOSK_ORIENTATION: 'portrait' } }),
};
const SCREENS = [
  { name: '1920×1080', viewport: { width: 1920, height: 1080 }, kiosk: 'landscape' },
  { name: '1080×1920', viewport: { width: 1080, height: 1920 }, kiosk: 'portrait' },
  { name: '1280×1024', viewport: { width: 1280, height: 1024 }, kiosk: 'landscape' },
] as const;

/**
 * What must stay on one line, as patterns over the text shown (with U+2011 read as «-» and U+00A0
 * as a space): the term «QR-код» in any case, the phone number, and «№» with the number it gives.
 */
const KEPT_WHOLE = ['QR-к\\p{L}*', '8-800-250-52-80', '(?:№|No\\.) [ПО]-\\d{8}-\\d{6}'];

/** Each shown occurrence of the patterns that takes more than one line, with the lines it takes. */
async function brokenTerms(page: Page): Promise<string[]> {
  return page.evaluate((sources) => {
    // The visible text as one string (so a number drawn in a span of its own is found with its «№»),
    // each character mapped back to its text node.
    const nodes: Array<{ node: Text; from: number }> = [];
    let shown = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const parent = node.parentElement;
      if (!parent || !parent.checkVisibility() || parent.closest('[aria-hidden="true"]')) continue;
      nodes.push({ node, from: shown.length });
      shown += node.data.replace(/\u2011/g, '-').replace(/\u00a0/g, ' ');
    }
    const at = (index: number): [Text, number] => {
      const holder = nodes.findLast((entry) => entry.from <= index) ?? nodes[0]!;
      return [holder.node, index - holder.from];
    };
    const broken: string[] = [];
    for (const source of sources) {
      for (const match of shown.matchAll(new RegExp(source, 'gu'))) {
        const range = document.createRange();
        range.setStart(...at(match.index));
        range.setEnd(...at(match.index + match[0].length - 1));
        range.setEnd(range.endContainer, range.endOffset + 1);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0).sort((a, b) => a.top - b.top);
        let lines = 0;
        let lineBottom = -Infinity;
        for (const rect of rects) {
          if (rect.top >= lineBottom - 2) lines += 1;
          lineBottom = Math.max(lineBottom, rect.bottom);
        }
        if (lines > 1)
          broken.push(`«${match[0]}» takes ${lines} lines in «${shown.slice(Math.max(0, match.index - 30), match.index + 50)}»`);
      }
    }
    return broken;
  }, KEPT_WHOLE);
}

/** Each month or axis label of the charts on screen that is not wholly inside its chart. */
async function clippedChartLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('.monthly-chart svg')].flatMap((svg) => {
      const view = svg.viewBox.baseVal;
      const frame = svg.getBoundingClientRect();
      return [...svg.querySelectorAll<SVGTextElement>('text')].flatMap((label) => {
        const box = label.getBBox();
        const drawn = label.getBoundingClientRect();
        const insideView = box.x >= view.x - 0.5 && box.x + box.width <= view.x + view.width + 0.5 && box.y >= view.y - 0.5;
        const insideFrame = drawn.left >= frame.left - 0.5 && drawn.right <= frame.right + 0.5;
        return insideView && insideFrame
          ? []
          : [`«${label.textContent}» of «${svg.getAttribute('aria-label')?.slice(0, 40)}» at x ${box.x.toFixed(1)}`];
      });
    }),
  );
}

async function setLargeText(page: Page, on: boolean): Promise<void> {
  const large = () => page.evaluate(() => document.documentElement.classList.contains('large-text'));
  if ((await large()) !== on)
    await page.getByRole('group', { name: 'Режим отображения' }).getByRole('button', { name: 'Крупный текст' }).click();
  await expect.poll(large).toBe(on);
}

/** What is broken or cut off on the screen now, in normal and in large text (back to normal after). */
async function problemsInBothSizes(page: Page, where: string): Promise<string[]> {
  const problems: string[] = [];
  for (const large of [false, true]) {
    await setLargeText(page, large);
    const found = [...(await brokenTerms(page)), ...(await clippedChartLabels(page))];
    problems.push(...found.map((problem) => `${where}${large ? ', large text' : ''}: ${problem}`));
  }
  await setLargeText(page, false);
  return problems;
}

async function openPageSized(browser: Browser, kiosk: KioskProcess, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'ru-RU' });
  onTestFinished(() => context.close());
  const page = await context.newPage();
  await showKiosk(page, kiosk);
  return page;
}

async function openService(page: Page, tile: string, title: string): Promise<void> {
  await page.getByRole('button', { name: tile, exact: true }).click();
  await expect.poll(() => page.getByRole('heading', { name: title, level: 1 }).isVisible()).toBe(true);
}

async function backHome(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Назад/ }).first().click();
  await expect.poll(() => page.getByRole('heading', { name: /^Здравствуйте/, level: 1 }).isVisible()).toBe(true);
}

describe('numbers and terms stay whole, chart labels stay inside their charts', () => {
  kioskFor.landscape('the check itself sees a number broken across lines and a label cut off', async ({ browser, kiosk }) => {
    const page = await openPageSized(browser, kiosk, { width: 1920, height: 1080 });
    await expect.poll(() => page.getByRole('heading', { name: 'Добро пожаловать!' }).isVisible()).toBe(true);
    await page.evaluate(() => {
      // Boxes narrower than the term: the browser breaks it after a hyphen.
      const narrow = (text: string, width: string) => {
        const box = document.createElement('p');
        box.style.cssText = `width: ${width}; font-size: 20px`;
        box.textContent = text;
        return box;
      };
      const chart = document.createElement('figure');
      chart.className = 'monthly-chart';
      chart.innerHTML = '<svg viewBox="0 0 600 300" width="300"><text x="4" y="280" text-anchor="middle">12.23</text></svg>';
      document.querySelector('main')?.prepend(narrow('Сформировать QR-код', '3em'), narrow('8-800-250-52-80', '5em'), chart);
    });
    expect(await brokenTerms(page)).toEqual([
      expect.stringMatching(/^«QR-код» takes 2 lines/),
      expect.stringMatching(/^«8-800-250-52-80» takes [2-5] lines/),
    ]);
    expect(await clippedChartLabels(page)).toEqual([expect.stringMatching(/^«12\.23»/)]);
  });

  for (const { name, viewport, kiosk: orientation } of SCREENS) {
    kioskFor[orientation](`at ${name}, normal and large text`, { timeout: 240_000 }, async ({ browser, kiosk, billing }) => {
      // Readings and an appeal sent from another terminal, so the screens list their numbers.
      const meter = await workingMeterOf(billing, customer);
      const submittedAt = new Date().toISOString();
      const readings = { readings: [{ meterId: meter.meterId, value: meter.lastReading.value + 1 }], submittedAt };
      await billing.submitReadings(customer.accountNumber, readings, randomUUID());
      const appeal = { topicId: 'hot-water-quality', text: 'Нет горячей воды третий день', submittedAt };
      await billing.submitAppeal(customer.accountNumber, appeal, randomUUID());

      const page = await openPageSized(browser, kiosk, viewport);
      const problems: string[] = [];
      await expect.poll(() => page.getByText(/Контакт-центр: 8.800.250.52.80/).isVisible()).toBe(true);
      problems.push(...(await problemsInBothSizes(page, 'start')));

      await logInAs(page, customer);
      await expect.poll(() => page.getByRole('heading', { name: /^Здравствуйте/, level: 1 }).isVisible()).toBe(true);

      await openService(page, 'Оплатить', 'Оплатить');
      await expect.poll(() => page.getByRole('button', { name: /^Сформировать QR.код$/ }).isVisible()).toBe(true);
      problems.push(...(await problemsInBothSizes(page, 'pay')));
      await backHome(page);

      await openService(page, 'Передать показания', 'Передать показания');
      await expect
        .poll(() =>
          page
            .getByText(/^№\sП-\d{8}-\d{6}, /)
            .first()
            .isVisible(),
        )
        .toBe(true);
      problems.push(...(await problemsInBothSizes(page, 'readings, sent earlier')));
      await page.getByRole('button', { name: 'Исправить' }).click();
      await expect.poll(() => page.getByText(/^Исправление показаний №\sП-/).isVisible()).toBe(true);
      problems.push(...(await problemsInBothSizes(page, 'readings, correcting')));
      await page.getByRole('button', { name: 'Отменить исправление' }).click();
      await backHome(page);

      await openService(page, 'Виртуальная приёмная', 'Виртуальная приёмная');
      await expect
        .poll(() =>
          page
            .getByRole('heading', { name: /^Обращение №\sО-/ })
            .first()
            .isVisible(),
        )
        .toBe(true);
      problems.push(...(await problemsInBothSizes(page, 'appeals')));
      await backHome(page);

      // Three years of charts: the first month, 36 months back, is the label that was cut off.
      await openService(page, 'Начисления и платежи', 'Начисления и платежи');
      await expect.poll(() => page.getByTestId('statement-month').count()).toBe(12);
      const start = page.getByRole('group', { name: 'Начало периода' });
      // Each step shown before the next: a tap on a picker the screen is still redrawing is not lost in the count.
      for (let year = 0; year < 2; year += 1) {
        const shown = await start.locator('output').textContent();
        await start.getByRole('button', { name: 'Предыдущий год' }).click();
        await expect.poll(() => start.locator('output').textContent()).not.toBe(shown);
      }
      await page.getByRole('button', { name: 'Отобразить' }).click();
      await expect.poll(() => page.getByTestId('statement-month').count()).toBe(36);
      expect(await page.locator('.monthly-chart svg text').count()).toBeGreaterThan(3 * 3);
      problems.push(...(await problemsInBothSizes(page, 'charges')));

      expect(problems).toEqual([]);
    });
  }
});
