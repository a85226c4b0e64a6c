// The reference data the billing centre publishes to terminals: who the utility is, its offices,
// where to pay, the reading window, appeal topics, payee requisites and the consent text.
// Requisites are demo values, not the utility's real accounts, but they pass the checks a bank app
// makes (INN checksum, the account's control key against the BIC), or the demo QR would be refused.
import type { Payee, ReadingWindow, ReferenceData } from '../core/billing/billing-wire';
import { addDays } from '../core/time/calendar';

export const DEMO_PAYEE: Payee = {
  name: 'МУП «Уфимские инженерные сети» ГО г. Уфа РБ',
  inn: '0276000128',
  kpp: '027601001',
  bankName: 'ПАО СБЕРБАНК',
  bic: '048073601',
  correspondentAccount: '30101810300000000601',
  settlementAccount: '40702810206000012345',
  address: '450000, Республика Башкортостан, г. Уфа, ул. Ленина, д. 52',
  phone: '8-800-250-52-80',
};

export const APPEAL_TOPICS = [
  { id: 'readings', title: 'Передача показаний и приборы учёта' },
  { id: 'charges', title: 'Начисления и перерасчёты' },
  { id: 'payments', title: 'Оплата и поступление платежей' },
  { id: 'heating-quality', title: 'Качество отопления' },
  { id: 'hot-water-quality', title: 'Качество горячей воды' },
  { id: 'service-quality', title: 'Качество обслуживания' },
  { id: 'other', title: 'Другой вопрос' },
] as const;

export const CONSENT = {
  textVersion: '2025-09-01',
  text:
    'Я даю согласие МУП «Уфимские инженерные сети» (450000, г. Уфа, ул. Ленина, д. 52) на обработку моих персональных данных: ' +
    'номера лицевого счёта, фамилии, имени, отчества, адреса, адреса электронной почты и номера телефона — для регистрации ' +
    'и работы в личном кабинете абонента, направления квитанций и ответов на обращения. Согласие действует до его отзыва; ' +
    'отозвать его можно письменным заявлением в офисе МУП УИС или через личный кабинет (152-ФЗ «О персональных данных»).',
};

export function referenceData(today: string, readingWindow: ReadingWindow): ReferenceData {
  return {
    utilityName: 'МУП «Уфимские инженерные сети»',
    utilityShortName: 'МУП УИС',
    contactCentrePhone: '8-800-250-52-80',
    website: 'www.mup-uis.ru',
    announcements: [
      {
        id: 'phone-changed',
        title: 'Вниманию потребителей!',
        text: 'Изменился телефон Службы сбыта МУП УИС. Новый номер — 8-800-250-52-80. Звонок бесплатный со всех сотовых операторов и городского телефона.',
        publishedOn: addDays(today, -40),
      },
      {
        id: 'readings-window',
        title: 'Передача показаний',
        text: `Показания приборов учёта принимаются с ${readingWindow.fromDay} по ${readingWindow.toDay} число каждого месяца. Для расчёта принимаются последние переданные показания.`,
        publishedOn: addDays(today, -10),
      },
      {
        id: 'verification',
        title: 'Проверьте срок поверки счётчиков',
        text: 'Если срок поверки прибора учёта истёк, начисление производится по среднему расходу, а через три месяца — по нормативу. Поверку можно заказать в аккредитованной организации.',
        publishedOn: addDays(today, -3),
      },
    ],
    offices: [
      {
        id: 'lenina',
        name: 'Центральный офис обслуживания',
        address: 'г. Уфа, ул. Ленина, д. 52',
        phone: '8-800-250-52-80',
        hours: 'Пн–Чт 8:00–17:00, Пт 8:00–16:00, обед 12:00–13:00',
        acceptsPayments: true,
      },
      {
        id: 'demskiy',
        name: 'Офис в Дёмском районе',
        address: 'г. Уфа, ул. Правды, д. 21',
        phone: '8-800-250-52-80',
        hours: 'Пн–Чт 8:00–17:00, Пт 8:00–16:00, обед 12:00–13:00',
        acceptsPayments: true,
      },
      {
        id: 'sipaylovo',
        name: 'Офис в Сипайлово',
        address: 'г. Уфа, ул. Юрия Гагарина, д. 41',
        phone: '8-800-250-52-80',
        hours: 'Пн, Ср, Пт 9:00–18:00, обед 13:00–14:00',
        acceptsPayments: false,
      },
    ],
    paymentPlaces: [
      { name: 'Сбербанк', detail: 'Офисы и банкоматы Сбербанка, приложение и Сбербанк Онлайн — по QR-коду или по номеру лицевого счёта' },
      { name: 'Уралсиб', detail: 'Офисы и банкоматы банка Уралсиб, интернет-банк Уралсиб' },
      { name: 'Почта России', detail: 'Любое почтовое отделение — по квитанции' },
      { name: 'Кассы МУП УИС', detail: 'Центральный офис и офис в Дёмском районе, без комиссии' },
    ],
    readingWindow,
    appealTopics: APPEAL_TOPICS.map((topic) => ({ ...topic })),
    payee: DEMO_PAYEE,
    consent: CONSENT,
  };
}
