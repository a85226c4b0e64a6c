// «Частые вопросы» of the Виртуальная приёмная in a real browser: a customer browses the questions
// by topic and reads an answer (in Bashkir too), starts a new appeal on a topic and is offered that
// topic's questions first, then goes on to write the appeal all the same and gets it registered.
// With the billing centre away and nothing saved, the topics give way to the refusal and «Повторить».
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import type { Faq } from '../../src-main/core/billing/billing-wire';
import { DEMO } from '../support/demo-accounts';
import { keyboard } from '../support/kiosk-page';
import { kioskTest, pageProblems } from '../support/kiosk-test';

// The file's own billing centre, which the last test takes away and brings back.
const it = kioskTest({ ownBilling: true, env: { KIOSK_BILLING_TIMEOUT_MS: '2000' } });
const customer = DEMO.owesMoney;
/** The billing centre the first test brings back after taking the fixture's away. */
let restarted: Awaited<ReturnType<typeof startReferenceBillingServer>> | null = null;
afterAll(async () => {
  await restarted?.close();
});

async function openAppeals(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Виртуальная приёмная' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Виртуальная приёмная', level: 1 }).isVisible()).toBe(true);
}

function faqTopic(faq: Faq, id: string): Faq['topics'][number] {
  const topic = faq.topics.find((candidate) => candidate.id === id);
  if (!topic) throw new Error(`the billing centre has no frequent-questions topic ${id}`);
  return topic;
}

/** The questions of a list as the buttons name them (without the ＋/− marker). */
function questionsIn(list: ReturnType<Page['getByRole']>): Promise<string[]> {
  return list.locator('h3 button > span:not([aria-hidden="true"])').allTextContents();
}

describe('Частые вопросы', () => {
  // First, while the terminal has no saved copy of the questions.
  it('with the billing centre away and nothing saved: the refusal and «Повторить», which brings the topics once it is back', async ({
    openPage,
    billingServer,
  }) => {
    const page = await openPage({ as: customer });
    const port = new URL(billingServer.url).port;
    await billingServer.close();
    await openAppeals(page);

    const topics = page.getByRole('region', { name: 'Частые вопросы' });
    await expect
      .poll(async () => (await topics.getByRole('alert').textContent())?.replaceAll('\u2011', '-'), { timeout: 10_000 })
      // The phone number is kept whole on a line by its non-breaking hyphens.
      .toBe(
        'Не удалось загрузить частые вопросы. Нет связи с расчётным центром МУП УИС. Попробуйте ещё раз через несколько минут или позвоните в контакт-центр: 8-800-250-52-80 (звонок бесплатный).',
      );
    expect(await topics.getByRole('button').allTextContents()).toEqual(['Повторить']);

    // The billing centre comes back on its address and data, for the rest of the file too.
    restarted = await startReferenceBillingServer({ dbFile: billingServer.dbFile, port: Number(port) });
    await topics.getByRole('button', { name: 'Повторить' }).click();
    await expect.poll(() => topics.getByRole('button', { name: /^Перерасчёт/ }).isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await topics.getByRole('alert').count()).toBe(0);
    expect(await topics.getByRole('status').count()).toBe(0);
  });
  it('are browsed by topic in the appeals screen: a topic, its questions, an answer, in Bashkir too', async ({ openPage, billing }) => {
    const faq = await billing.getFaq();
    const verification = faqTopic(faq, 'verification');
    const expired = verification.questions.find((entry) => entry.id === 'verification-expired')!;
    const page = await openPage({ as: customer });
    const problems = pageProblems(page);
    await openAppeals(page);

    const topics = page.getByRole('region', { name: 'Частые вопросы' });
    await expect.poll(() => topics.getByRole('button').count()).toBe(faq.topics.length);
    for (const title of ['Передача показаний', 'Способы оплаты', 'Перерасчёт', 'Поверка счётчиков', 'Регистрация', 'Личный кабинет'])
      expect(await topics.getByRole('button', { name: new RegExp(`^${title} \\d+ вопрос`) }).isVisible(), title).toBe(true);

    await topics.getByRole('button', { name: /^Поверка счётчиков/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Частые вопросы: Поверка счётчиков', level: 2 }).isVisible()).toBe(true);
    const browsed = page.getByRole('region', { name: 'Частые вопросы: Поверка счётчиков' });
    expect(await questionsIn(browsed)).toEqual(verification.questions.map((entry) => entry.question.ru));
    const question = page.getByRole('button', { name: expired.question.ru });
    expect(await question.getAttribute('aria-expanded')).toBe('false');
    const answer = page.getByText(expired.answer.ru, { exact: true });
    expect(await answer.isVisible()).toBe(false);

    await question.click();
    expect(await question.getAttribute('aria-expanded')).toBe('true');
    expect(await answer.isVisible()).toBe(true);
    expect(await answer.textContent()).toBe(
      'Показания такого счётчика не принимаются к расчёту: начисление идёт по среднему потреблению за 3 месяца, а затем — по нормативу.',
    );

    // The same answer in Bashkir at the tap of the language switch, without asking the billing centre again.
    await page.getByRole('group', { name: 'Язык интерфейса' }).getByRole('button', { name: 'Башҡортса', exact: true }).click();
    await expect.poll(() => page.getByText(expired.answer.ba!, { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: `Йыш бирелгән һорауҙар: ${verification.title.ba}` }).isVisible()).toBe(true);
    await page
      .getByRole('group', { name: /Интерфейс теле/ })
      .getByRole('button', { name: 'Русский', exact: true })
      .click();

    // «Назад» returns to the topics, not to the home screen.
    await page.getByRole('button', { name: /Назад/ }).click();
    await expect.poll(() => topics.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Мои обращения' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('offers the questions of the topic chosen for a new appeal first, then lets the customer write it all the same', async ({
    openPage,
    billing,
  }) => {
    const faq = await billing.getFaq();
    const recalculations = faqTopic(faq, 'recalculations');
    const page = await openPage({ as: customer });
    await openAppeals(page);
    await page.getByRole('button', { name: 'Новое обращение' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Начисления и перерасчёты' }).isVisible()).toBe(true);

    // A topic without frequent questions goes straight to the text.
    await page.getByRole('radio', { name: 'Качество отопления' }).check();
    expect(await page.getByRole('heading', { name: 'Возможно, ответ уже есть:' }).count()).toBe(0);
    expect(await page.getByLabel('Текст обращения').isVisible()).toBe(true);

    await page.getByRole('radio', { name: 'Начисления и перерасчёты' }).check();
    const offer = page.getByRole('region', { name: 'Возможно, ответ уже есть:' });
    await expect.poll(() => offer.isVisible()).toBe(true);
    expect(await questionsIn(offer)).toEqual(recalculations.questions.map((entry) => entry.question.ru));
    // The questions take the place of the text, its keyboard and the contacts until the customer goes on.
    expect(await page.getByLabel('Текст обращения').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Отправить', exact: true }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Начисления и перерасчёты' }).isChecked()).toBe(true);

    const ask = recalculations.questions.find((entry) => entry.id === 'recalculations-ask')!;
    await offer.getByRole('button', { name: ask.question.ru }).click();
    await expect.poll(() => offer.getByText(ask.answer.ru, { exact: true }).isVisible()).toBe(true);

    // The way on stays in view beside or under the questions, outside their scrolling region.
    await page.getByRole('button', { name: 'Написать обращение' }).click();
    await expect.poll(() => page.getByLabel('Текст обращения').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Возможно, ответ уже есть:' }).count()).toBe(0);
    const text = 'прошу пересчитать за октябрь';
    const board = keyboard(page);
    for (const character of text)
      await board
        .getByRole('button', { name: character === ' ' ? 'Пробел' : character, exact: true })
        .first()
        .click();
    await page.getByRole('button', { name: 'Отправить', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Обращение зарегистрировано' }).isVisible()).toBe(true);
    const appealNumber = /О-\d{8}-\d{6}/.exec((await page.getByTestId('appeal-number').textContent()) ?? '')?.[0];

    const session = await billing.login(customer.accountNumber, customer.password);
    const stored = (await billing.getAppeals(session.sessionToken)).find((appeal) => appeal.appealNumber === appealNumber);
    expect(stored).toMatchObject({ topicId: 'charges', text });
  });

  it('leads from a topic that has no answer to an appeal on the matching topic, and «Ответ найден» leaves the form', async ({
    openPage,
  }) => {
    const page = await openPage({ as: customer });
    await openAppeals(page);
    await page.getByRole('button', { name: /^Способы оплаты/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Частые вопросы: Способы оплаты' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Написать обращение' }).click();
    // The questions were just read, so the form opens on the matching topic, ready for the text.
    await expect.poll(() => page.getByRole('radio', { name: 'Оплата и поступление платежей' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Текст обращения').isVisible()).toBe(true);

    await page.getByRole('radio', { name: 'Другой вопрос' }).check();
    const offer = page.getByRole('region', { name: 'Возможно, ответ уже есть:' });
    await expect.poll(() => offer.getByRole('button', { name: 'Как войти в личный кабинет?' }).isVisible()).toBe(true);
    expect(await offer.getByRole('button', { name: 'Где взять код активации?' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Ответ найден' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Мои обращения' }).isVisible()).toBe(true);
  });

  // Last: the terminal has a copy by now, and the billing centre goes away for good.
  it('with the billing centre away, the saved answers are still there to read', async ({ openPage }) => {
    const page = await openPage({ as: customer });
    await restarted?.close();
    restarted = null;
    await openAppeals(page);
    // «Мои обращения» cannot come without the billing centre; the questions can, from the terminal's copy.
    const mine = page.getByRole('region', { name: 'Мои обращения' });
    await expect.poll(() => mine.getByRole('alert').textContent(), { timeout: 10_000 }).toContain('Нет связи с расчётным центром');
    const topics = page.getByRole('region', { name: 'Частые вопросы' });
    expect(await topics.getByRole('alert').count()).toBe(0);
    await topics.getByRole('button', { name: /^Регистрация/ }).click();
    await page.getByRole('button', { name: 'Где взять код активации?' }).click();
    await expect
      .poll(() =>
        page.getByText('Код активации указан на квитанции за последний расчётный месяц. В нём 12 цифр.', { exact: true }).isVisible(),
      )
      .toBe(true);
  });
});
