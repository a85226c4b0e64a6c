// «Виртуальная приёмная» in a real browser through browser mode: a customer picks a topic, types
// the appeal on the on-screen keyboard and a phone on the keypad, is refused for an empty text and
// a bad e-mail, gets the billing centre's appeal number, and finds the appeal in the list as
// «Зарегистрировано».
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
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
    // Refusal: an empty appeal.
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Напишите текст обращения: пустое обращение не может быть зарегистрировано.');

    const text = 'нет горячей воды третий день';
    await typeRussian(page, text);
    expect(await page.getByLabel('Текст обращения').inputValue()).toBe(text);
    // «Осталось 1 972 знака»: the number grouped the Russian way, the noun agreeing with it.
    const left = new Intl.NumberFormat('ru-RU').format(2000 - text.length);
    expect(await page.getByText(`Осталось ${left} знака`, { exact: true }).isVisible()).toBe(true);

    await page.getByRole('radio', { name: 'На другой телефон или e-mail' }).check();
    await typeOnKeypad(page, '9171234567');
    expect(await page.getByLabel('Телефон для ответа').inputValue()).toBe('+7 917 123-45-67');

    // Refusal: an e-mail that cannot be an address; everything typed stays.
    await page.getByLabel('E-mail для ответа').click();
    await typeOnKeyboard(page, 'petrov@mail');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Проверьте адрес электронной почты: он должен быть вида ivanova@example.ru.');
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
    await openAppeals(page);
    const session = await billing.login(customer.accountNumber, customer.password);
    const before = (await billing.getAppeals(session.sessionToken)).length;

    await page.getByRole('button', { name: 'Новое обращение' }).click();
    await page.getByRole('radio', { name: 'Начисления и перерасчёты' }).check();
    await typeRussian(page, 'вопрос');
    await page.getByRole('radio', { name: 'На другой телефон или e-mail' }).check();
    await typeOnKeypad(page, '91712');
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Проверьте номер телефона');
    expect(await page.getByLabel('Телефон для ответа').getAttribute('aria-invalid')).toBe('true');
    expect((await billing.getAppeals(session.sessionToken)).length).toBe(before);
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
