import { afterEach, describe, expect, it, vi } from 'vitest';
import { bridgeAnswering } from '../../tests/support/kiosk-bridge-stub';
import { AppealsState } from './appeals-form.svelte';
import { FaqState, piecesOf, type FaqTopic } from './appeals-faq.svelte';

const text = (ru: string) => ({ ru, ba: `${ru} (ba)`, en: `${ru} (en)` });

const TOPICS: FaqTopic[] = [
  {
    id: 'readings',
    title: text('Передача показаний'),
    appealTopicIds: ['readings'],
    questions: [{ id: 'readings-how', question: text('Как передать?'), answer: text('Нажмите «Передать показания».') }],
  },
  {
    id: 'verification',
    title: text('Поверка счётчиков'),
    appealTopicIds: ['readings'],
    questions: [{ id: 'verification-how', question: text('Как поверить?'), answer: text('Закажите поверку.') }],
  },
  {
    id: 'payment',
    title: text('Способы оплаты'),
    appealTopicIds: ['payments'],
    questions: [{ id: 'payment-kiosk', question: text('Как оплатить?'), answer: text('Нажмите «Оплатить».') }],
  },
];

const APPEAL_TOPICS = {
  topics: [
    { id: 'readings', title: 'Передача показаний и приборы учёта' },
    { id: 'payments', title: 'Оплата и поступление платежей' },
    { id: 'hot-water-quality', title: 'Качество горячей воды' },
  ],
  profileContacts: { phoneMasked: '+7 917 ***-**-01', emailMasked: null },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('piecesOf', () => {
  it('keeps phone numbers and hyphenated words in one piece and the text as it was', () => {
    const answer = 'Позвоните по телефону 8-800-250-52-80 или нажмите «Сформировать QR-код» на e-mail.';
    const pieces = piecesOf(answer);
    expect(pieces.map((piece) => piece.text).join('')).toBe(answer);
    expect(pieces.filter((piece) => piece.whole).map((piece) => piece.text)).toEqual(['8-800-250-52-80', 'QR-код', 'e-mail']);
    expect(piecesOf('Без дефисов.')).toEqual([{ text: 'Без дефисов.', whole: false }]);
  });
});

describe('FaqState', () => {
  it('loads the topics, offers an appeal topic’s questions in order, and opens answers one by one', async () => {
    const calls = bridgeAnswering({ 'faq.list': { ok: true, value: { topics: TOPICS, fromCache: false } } });
    const faq = new FaqState();
    await faq.load();
    expect(calls).toEqual([{ method: 'faq.list', input: {} }]);
    expect([faq.loaded, faq.error, faq.fromCache]).toEqual([true, null, false]);
    expect(faq.questionsFor('readings').map((entry) => entry.id)).toEqual(['readings-how', 'verification-how']);
    expect(faq.questionsFor('hot-water-quality')).toEqual([]);

    faq.openTopic('payment');
    expect(faq.topic?.id).toBe('payment');
    faq.toggle('payment-kiosk');
    expect(faq.isOpen('payment-kiosk')).toBe(true);
    faq.toggle('payment-kiosk');
    expect(faq.isOpen('payment-kiosk')).toBe(false);
  });

  it('keeps the refusal for «Повторить» when the billing centre does not answer, and loads again only when needed', async () => {
    const refusal = { code: 'billing-unavailable' as const, message: { key: 'errors.billing-unavailable' as const } };
    bridgeAnswering({ 'faq.list': { ok: false, error: refusal } });
    const faq = new FaqState();
    await faq.ensureLoaded();
    expect([faq.loaded, faq.error]).toEqual([false, refusal]);
    const calls = bridgeAnswering({ 'faq.list': { ok: true, value: { topics: TOPICS, fromCache: true } } });
    await faq.ensureLoaded();
    expect([faq.loaded, faq.error, faq.fromCache]).toEqual([true, null, true]);
    await faq.ensureLoaded();
    expect(calls).toHaveLength(1);
  });
});

describe('AppealsState with the frequent questions', () => {
  async function formState(): Promise<AppealsState> {
    bridgeAnswering({
      'faq.list': { ok: true, value: { topics: TOPICS, fromCache: false } },
      'appeals.list': { ok: true, value: { appeals: [], waiting: [] } },
      'appeals.topics': { ok: true, value: APPEAL_TOPICS },
    });
    const state = new AppealsState();
    await state.load();
    return state;
  }

  it('offers the chosen topic’s questions before the text, until the customer goes on to write', async () => {
    const state = await formState();
    await state.openForm();
    expect(state.offeredQuestions).toEqual([]);
    state.chooseTopic('readings');
    expect(state.offeredQuestions.map((entry) => entry.id)).toEqual(['readings-how', 'verification-how']);
    state.activeField = 'phone';
    state.writeAppeal();
    expect([state.offeredQuestions, state.activeField, state.topicId]).toEqual([[], 'text', 'readings']);
    // Another topic with questions offers its own; coming back to one already seen does not.
    state.chooseTopic('payments');
    expect(state.offeredQuestions.map((entry) => entry.id)).toEqual(['payment-kiosk']);
    state.chooseTopic('readings');
    expect(state.offeredQuestions).toEqual([]);
    // A topic without frequent questions goes straight to the text.
    state.chooseTopic('hot-water-quality');
    expect(state.offeredQuestions).toEqual([]);
  });

  it('from a topic of the questions, opens the form on its appeal topic with its questions already seen', async () => {
    const state = await formState();
    state.openFaqTopic('verification');
    expect(state.view).toBe('faq');
    await state.openForm('readings');
    expect([state.view, state.topicId, state.offeredQuestions]).toEqual(['form', 'readings', []]);
    // A new form starts over: the questions are offered again.
    await state.openForm();
    state.chooseTopic('readings');
    expect(state.offeredQuestions).toHaveLength(2);
  });

  it('drops an appeal topic the billing centre does not list', async () => {
    const state = await formState();
    await state.openForm('no-such-topic');
    expect(state.topicId).toBe('');
  });
});
