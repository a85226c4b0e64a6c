// Every screen and dialog of the kiosk, in both orientations and all three languages: axe-core
// (WCAG 2.2 AA) finds no violations, primary actions are at least 64×64 CSS px and every other
// control at least 48×48, and no text is smaller than 20 px (the on-screen preview of a receipt,
// which imitates the paper, is the one exception and says so).
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKioskProcess, type KioskProcess } from '../support/browser-mode-process';
import { launchChromium, openKioskPage, type Orientation } from '../support/chromium';
import { logIn, typeOnKeypad } from '../support/kiosk-page';

const LANGUAGES = [
  ['ru', 'Русский'],
  ['ba', 'Башҡортса'],
  ['en', 'English'],
] as const;

let browser: Browser;
const kiosks: Partial<Record<Orientation, KioskProcess>> = {};

beforeAll(async () => {
  browser = await launchChromium();
  kiosks.landscape = await startKioskProcess();
  kiosks.portrait = await startKioskProcess({ env: { KIOSK_ORIENTATION: 'portrait' } });
});

afterAll(async () => {
  await browser?.close();
  await kiosks.landscape?.stop();
  await kiosks.portrait?.stop();
});

interface Finding {
  where: string;
  problem: string;
}

/** axe plus the kiosk's own size rules, on what is on screen now. */
async function audit(page: Page, where: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  for (const violation of axe.violations) {
    findings.push({ where, problem: `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}` });
  }
  const sizes = await page.evaluate(() => {
    const problems: string[] = [];
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    for (const control of document.querySelectorAll('button, [role="button"], [role="checkbox"], input, select, a[href]')) {
      if (!visible(control) || control.closest('[inert]')) continue;
      const box = control.getBoundingClientRect();
      const primary = control.classList.contains('primary-action');
      const minimum = primary ? 64 : 48;
      // The discreet staff corner is deliberately not a target for customers; it still meets 48 px.
      if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 30) ?? control.tagName;
        problems.push(`${primary ? 'primary ' : ''}target "${name}" is ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const small = new Set<string>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !visible(parent) || parent.closest('[data-testid="receipt-preview"], svg')) continue;
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (size < 19.5) small.add(`${Math.round(size)}px "${node.textContent.trim().slice(0, 30)}"`);
    }
    for (const text of small) problems.push(`text ${text}`);
    return problems;
  });
  for (const problem of sizes) findings.push({ where, problem });
  return findings;
}

/** Audits the current screen in every language, returning to Russian for the next step. */
async function auditInEveryLanguage(page: Page, where: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [code, name] of LANGUAGES) {
    await page
      .getByRole('group', { name: /Язык интерфейса|Интерфейс теле|Interface language/ })
      .getByRole('button', { name })
      .click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(code);
    findings.push(...(await audit(page, `${where} [${code}]`)));
  }
  await page.getByRole('button', { name: 'Русский' }).click();
  return findings;
}

async function tour(orientation: Orientation): Promise<Finding[]> {
  const kiosk = kiosks[orientation]!;
  const page = await openKioskPage(browser, kiosk.url, orientation);
  const findings: Finding[] = [];
  const step = async (where: string, heading: string | RegExp) => {
    await expect.poll(() => page.getByRole('heading', { name: heading, level: 1 }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    findings.push(...(await auditInEveryLanguage(page, `${orientation} ${where}`)));
  };
  const back = () => page.getByRole('button', { name: /Назад/ }).first().click();

  await step('start', 'Добро пожаловать!');
  await page.getByRole('button', { name: 'Регистрация' }).click();
  await step('registration', 'Регистрация');
  await back();
  await page.getByRole('button', { name: 'Забыли пароль?' }).click();
  await step('password recovery', /Восстановление пароля/);
  await back();
  await page.getByRole('button', { name: 'Войти в личный кабинет' }).click();
  await typeOnKeypad(page, '820000');
  await step('login', 'Вход в личный кабинет');
  await page.getByRole('button', { name: 'Назад' }).click();

  await logIn(page, '820000003', 'demo1234');
  await step('home', /^Здравствуйте/);
  for (const [button, heading] of [
    ['Оплатить', 'Оплатить'],
    ['Начисления и платежи', 'Начисления и платежи'],
    ['Передать показания', 'Передать показания'],
    ['Виртуальная приёмная', 'Виртуальная приёмная'],
    ['Личная информация', 'Личная информация'],
  ] as const) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await step(button, heading);
    await back();
  }
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.context().close();
  return findings;
}

describe('accessibility and touch sizes', () => {
  for (const orientation of ['landscape', 'portrait'] as const) {
    it(`every screen in ${orientation}, in Russian, Bashkir and English`, { timeout: 240_000 }, async () => {
      const findings = await tour(orientation);
      expect(findings.map((finding) => `${finding.where}: ${finding.problem}`)).toEqual([]);
    });
  }
});
