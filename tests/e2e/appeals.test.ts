// «Виртуальная приёмная» in a real browser through browser mode: a customer picks a topic, types
// the appeal on the on-screen keyboard and a phone on the keypad, is refused for an empty text and
// a bad e-mail, each at its own field, gets the billing centre's appeal number, and finds the
// appeal in the list as «Зарегистрировано». An appeal without a topic is refused at the topic picker.
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { BillingClient } from '../../src-main/core/billing/billing-client';
import type { Orientation } from '../support/chromium';
import { DEMO } from '../support/demo-accounts';
import { keyboard, typeOnKeyboard, typeOnKeypad } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

const it = kioskTest();
const customer = DEMO.owesMoney;

/** Types Russian text on the Cyrillic layout the appeal text starts with (lower case, spaces). */
async function typeRussian(page: Page, text: string): Promise<void> {
  const board = keyboard(page);
  for (const character of text) {
    const name = character === ' ' ? 'Пробел' : character;
    await board.getByRole('button', { name, exact: true }).first().click();
  }
}

/** The text of what describes a control (its error or hint), by its aria-describedby. */
async function description(page: Page, control: Locator): Promise<string> {
  const ids = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ').trim();
}

/**
 * Opens a new appeal's form; the function returned counts the appeals the billing centre has
 * registered for the customer since.
 */
async function newAppealForm(page: Page, billing: BillingClient): Promise<() => Promise<number>> {
  await openAppeals(page);
  const session = await billing.login(customer.accountNumber, customer.password);
  const count = async () => (await billing.getAppeals(session.sessionToken)).length;
  const before = await count();
  await page.getByRole('button', { name: 'Новое обращение' }).click();
  return async () => (await count()) - before;
}

async function openAppeals(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Виртуальная приёмная' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Виртуальная приёмная', level: 1 }).isVisible()).toBe(true);
}

describe('Виртуальная приёмная', () => {
  it('a customer leaves an appeal with a phone for the answer and finds it registered in the list', async ({ openPage, billing }) => {
    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openAppeals(page);
    await expect.poll(() => page.getByText('Обращений пока нет.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Новое обращение' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Качество горячей воды' }).isVisible()).toBe(true);
    expect(await page.getByRole('radio').count()).toBe(7 + 2);
    // The default for the answer is the profile's contacts, shown masked.
    expect(await page.getByRole('radio', { name: /На телефон и e-mail из личной информации/ }).isChecked()).toBe(true);
    expect(await page.getByText('+7 917 ***-**-01, p***n@example.ru').isVisible()).toBe(true);
    expect(await page.content()).not.toContain('petrov.sn@example.ru');

    await page.getByRole('radio', { name: 'Качество горячей воды' }).check();
    // Refusal: an empty appeal, said at the text field.
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    const textField = page.getByLabel('Текст обращения');
    await expect.poll(() => textField.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, textField)).toBe('Напишите текст обращения: пустое обращение не может быть зарегистрировано.');
    expect(await page.getByRole('radiogroup', { name: 'Тема обращения' }).getAttribute('aria-invalid')).toBeNull();

    const text = 'нет горячей воды третий день';
    await typeRussian(page, text);
    expect(await page.getByLabel('Текст обращения').inputValue()).toBe(text);
    // «Осталось 1 972 знака»: the number grouped the Russian way, the noun agreeing with it.
    const left = new Intl.NumberFormat('ru-RU').format(2000 - text.length);
    expect(await page.getByText(`Осталось ${left} знака`, { exact: true }).isVisible()).toBe(true);

    await page.getByRole('radio', { name: 'На другой телефон или e-mail' }).check();
    await typeOnKeypad(page, '9171234567');
    expect(await page.getByLabel('Телефон для ответа').inputValue()).toBe('+7 917 123-45-67');

    // Refusal: an e-mail that cannot be an address, said at the e-mail field; everything typed stays.
    const emailField = page.getByLabel('E-mail для ответа');
    await emailField.click();
    await typeOnKeyboard(page, 'petrov@mail');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => emailField.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, emailField)).toBe('Проверьте адрес электронной почты: он должен быть вида ivanova@example.ru.');
    expect(await textField.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByLabel('Текст обращения').inputValue()).toBe(text);
    expect(await page.getByLabel('Телефон для ответа').inputValue()).toBe('+7 917 123-45-67');

    await page.getByLabel('E-mail для ответа').click();
    await typeOnKeyboard(page, '.ru');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Обращение зарегистрировано' }).isVisible()).toBe(true);
    const shown = (await page.getByTestId('appeal-number').textContent()) ?? '';
    const appealNumber = /^Номер обращения: (О-\d{8}-\d{6})$/.exec(shown)?.[1];
    expect(appealNumber, shown).toBeDefined();
    expect(await page.getByText('Ответ будет направлен: +7 917 ***-**-67, p***v@mail.ru').isVisible()).toBe(true);

    // The billing centre holds it with the contacts in its own format.
    const session = await billing.login(customer.accountNumber, customer.password);
    const stored = (await billing.getAppeals(session.sessionToken)).find((appeal) => appeal.appealNumber === appealNumber);
    expect(stored).toMatchObject({ topicId: 'hot-water-quality', text, status: 'registered' });

    await page.getByRole('button', { name: 'К списку обращений' }).click();
    const item = page.getByRole('listitem').filter({ hasText: appealNumber! });
    await expect.poll(() => item.isVisible()).toBe(true);
    expect(await item.getByRole('heading').textContent()).toMatch(
      new RegExp(`^Обращение №\\s${appealNumber} от \\d\\d\\.\\d\\d\\.\\d{4}$`),
    );
    expect(await item.getByText('Зарегистрировано', { exact: true }).isVisible()).toBe(true);
    expect(await item.getByText('Качество горячей воды', { exact: true }).isVisible()).toBe(true);
    expect(await item.getByText(text, { exact: true }).isVisible()).toBe(true);

    expect(problems).toEqual([]);
  });

  it('a phone number that is too short is refused by the core and the appeal is not sent', async ({ openPage, billing }) => {
    const page = await openPage({ as: customer });
    const appealsSent = await newAppealForm(page, billing);
    await page.getByRole('radio', { name: 'Начисления и перерасчёты' }).check();
    // Its frequent questions come first (tests/e2e/faq.test.ts); the customer writes all the same.
    await page.getByRole('button', { name: 'Написать обращение' }).click();
    await typeRussian(page, 'вопрос');
    await page.getByRole('radio', { name: 'На другой телефон или e-mail' }).check();
    await typeOnKeypad(page, '91712');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    const phoneField = page.getByLabel('Телефон для ответа');
    await expect.poll(() => phoneField.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, phoneField)).toContain('Проверьте номер телефона');
    expect(await appealsSent()).toBe(0);
  });

  it('an appeal without a topic is refused at the topic picker, not at the text', async ({ openPage, billing }) => {
    const page = await openPage({ as: customer });
    const appealsSent = await newAppealForm(page, billing);
    await expect.poll(() => page.getByRole('radio', { name: 'Другой вопрос' }).isVisible()).toBe(true);
    await typeRussian(page, 'когда будет горячая вода');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();

    const topics = page.getByRole('radiogroup', { name: 'Тема обращения' });
    await expect.poll(() => topics.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, topics)).toBe('Выберите тему обращения из списка.');
    // The error sits under the topics, and the text field is neither outlined nor described by it.
    const error = page.getByText('Выберите тему обращения из списка.', { exact: true });
    const errorBox = await error.boundingBox();
    const lastTopic = await page.locator('label', { has: page.getByRole('radio', { name: 'Другой вопрос' }) }).boundingBox();
    const contacts = await page.getByRole('group', { name: 'Куда прислать ответ' }).boundingBox();
    expect(errorBox!.y).toBeGreaterThanOrEqual(lastTopic!.y + lastTopic!.height - 1);
    expect(errorBox!.y + errorBox!.height).toBeLessThanOrEqual(contacts!.y + 1);
    const textField = page.getByLabel('Текст обращения');
    expect(await textField.getAttribute('aria-invalid')).toBeNull();
    expect(await description(page, textField)).not.toContain('Выберите тему');
    expect(await error.count()).toBe(1);
    expect(await appealsSent()).toBe(0);

    // Choosing a topic clears it; the text typed is still there.
    await page.getByRole('radio', { name: 'Качество горячей воды' }).check();
    await expect.poll(() => topics.getAttribute('aria-invalid')).toBeNull();
    expect(await error.count()).toBe(0);
    expect(await textField.inputValue()).toBe('когда будет горячая вода');
  });

  for (const orientation of ['landscape', 'portrait'] as Orientation[]) {
    it(`the form fits a ${orientation} screen with touch-sized controls`, async ({ openPage }) => {
      const page = await openPage({ orientation, as: customer });
      await openAppeals(page);
      await page.getByRole('button', { name: 'Новое обращение' }).click();
      await expect.poll(() => page.getByRole('radio', { name: 'Другой вопрос' }).isVisible()).toBe(true);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(orientation === 'landscape' ? 1920 : 1080);
      for (const name of ['Отправить', 'Отмена']) {
        const box = await page.getByRole('button', { name, exact: true }).boundingBox();
        expect(box!.height, name).toBeGreaterThanOrEqual(64);
      }
      const topic = await page.locator('label', { has: page.getByRole('radio', { name: 'Другой вопрос' }) }).boundingBox();
      expect(topic!.height).toBeGreaterThanOrEqual(48);
    });
  }
});
