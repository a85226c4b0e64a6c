// «Виртуальная приёмная»: the customer's appeals with their statuses and answers, the frequent
// questions by topic, and the form of a new one (topic, text on the on-screen keyboard, where to
// send the answer), which offers the frequent questions of the chosen topic first. Checks live in
// the core; this class only holds what was typed and what the core answered.
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { kioskApp } from '../state/kiosk-app.svelte';
import { FaqState, type FaqQuestion } from './appeals-faq.svelte';
import { pressDigitKey } from './keypad-digits';

export type AppealTopic = KioskOutput<'appeals.topics'>['topics'][number];
export type MaskedContacts = NonNullable<KioskOutput<'appeals.topics'>['profileContacts']>;
export type AppealView = KioskOutput<'appeals.list'>['appeals'][number];
export type WaitingAppeal = KioskOutput<'appeals.list'>['waiting'][number];
export type AppealSubmitted = KioskOutput<'appeals.submit'>;

export type AppealsView = 'list' | 'faq' | 'form' | 'done';
export type AppealField = 'text' | 'phone' | 'email';
export type ContactMode = 'profile' | 'other';

/** The billing centre's limit; the core refuses longer texts too. */
export const APPEAL_TEXT_LIMIT = 2000;
/** Digits of a Russian number after +7. */
const PHONE_DIGITS = 10;

/** `9171234567` → `+7 917 123-45-67`, growing as the customer types. */
export function formatPhoneDigits(digits: string): string {
  const parts = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 8), digits.slice(8, 10)];
  let text = '+7';
  if (parts[0]) text += ` ${parts[0]}`;
  if (parts[1]) text += ` ${parts[1]}`;
  if (parts[2]) text += `-${parts[2]}`;
  if (parts[3]) text += `-${parts[3]}`;
  return text;
}

/** `YYYY-MM-DD` in the terminal's own time zone (the Canadian English format is ISO order). */
const LOCAL_ISO_DATE = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** The local calendar date of an instant, as `YYYY-MM-DD` for `i18n.formatDate`. */
export function localDate(instant: string): string {
  const time = Date.parse(instant);
  return Number.isNaN(time) ? instant.slice(0, 10) : LOCAL_ISO_DATE.format(time);
}

export class AppealsState {
  view = $state<AppealsView>('list');
  loading = $state(false);
  listError = $state<KioskError | null>(null);
  appeals = $state.raw<AppealView[]>([]);
  waiting = $state.raw<WaitingAppeal[]>([]);

  topicsError = $state<KioskError | null>(null);
  topics = $state.raw<AppealTopic[]>([]);
  profileContacts = $state.raw<MaskedContacts | null>(null);

  topicId = $state('');
  text = $state('');
  contactMode = $state<ContactMode>('profile');
  phoneDigits = $state('');
  email = $state('');
  activeField = $state<AppealField>('text');
  error = $state<KioskError | null>(null);
  submitting = $state(false);
  submitted = $state<AppealSubmitted | null>(null);

  readonly faq = new FaqState();
  /** Appeal topics of this form whose frequent questions the customer has seen and gone past. */
  offeredTopicIds = $state<string[]>([]);

  readonly remaining = $derived(APPEAL_TEXT_LIMIT - this.text.length);
  readonly phoneShown = $derived(formatPhoneDigits(this.phoneDigits));
  /** The profile has somewhere to send the answer, so it can be the default. */
  readonly profileUsable = $derived(!!this.profileContacts && !!(this.profileContacts.phoneMasked || this.profileContacts.emailMasked));
  /** «Возможно, ответ уже есть»: the chosen topic's frequent questions, until the customer goes on to write. */
  readonly offeredQuestions = $derived<FaqQuestion[]>(
    this.view === 'form' && this.topicId && !this.offeredTopicIds.includes(this.topicId) ? this.faq.questionsFor(this.topicId) : [],
  );

  /** Called once when the screen opens. */
  async load(): Promise<void> {
    this.view = 'list';
    await Promise.all([this.loadList(), this.faq.load()]);
  }

  async loadList(): Promise<void> {
    this.loading = true;
    try {
      const result = await kioskApp.track(callKiosk('appeals.list', {}));
      if (result.ok) {
        this.appeals = result.value.appeals;
        this.waiting = result.value.waiting;
        this.listError = null;
      } else {
        this.listError = result.error;
      }
    } finally {
      this.loading = false;
    }
  }

  /** The questions and answers of one topic of the frequent questions. */
  openFaqTopic(topicId: string): void {
    this.faq.openTopic(topicId);
    this.view = 'faq';
  }

  closeFaq(): void {
    this.view = 'list';
  }

  /**
   * «Новое обращение»: a clean form with the topics and the profile's contacts as the default. From
   * a topic of the frequent questions, its appeal topic comes chosen, its questions already seen.
   */
  async openForm(appealTopicId?: string): Promise<void> {
    this.topicId = appealTopicId ?? '';
    this.offeredTopicIds = appealTopicId ? [appealTopicId] : [];
    this.faq.openQuestionIds = [];
    this.text = '';
    this.phoneDigits = '';
    this.email = '';
    this.error = null;
    this.submitted = null;
    this.activeField = 'text';
    this.view = 'form';
    const [result] = await Promise.all([kioskApp.track(callKiosk('appeals.topics', {})), this.faq.ensureLoaded()]);
    if (!result.ok) {
      this.topicsError = result.error;
      return;
    }
    this.topicsError = null;
    this.topics = result.value.topics;
    if (!this.topics.some((topic) => topic.id === this.topicId)) this.topicId = '';
    this.profileContacts = result.value.profileContacts;
    this.contactMode = this.profileUsable ? 'profile' : 'other';
  }

  backToList(): void {
    this.view = 'list';
    this.error = null;
    void this.loadList();
  }

  chooseTopic(topicId: string): void {
    this.topicId = topicId;
    this.error = null;
    this.faq.openQuestionIds = [];
  }

  /** «Написать обращение» after the offered questions: the form's text and keyboard come back. */
  writeAppeal(): void {
    if (this.topicId && !this.offeredTopicIds.includes(this.topicId)) this.offeredTopicIds = [...this.offeredTopicIds, this.topicId];
    this.activeField = 'text';
  }

  chooseContactMode(mode: ContactMode): void {
    this.contactMode = mode;
    this.error = null;
    if (mode === 'other' && this.activeField === 'text') this.activeField = 'phone';
    if (mode === 'profile') this.activeField = 'text';
  }

  setText(value: string): void {
    this.error = null;
    this.text = value.slice(0, APPEAL_TEXT_LIMIT);
  }

  setEmail(value: string): void {
    this.error = null;
    this.email = value;
  }

  pressKeypad(key: string): void {
    this.error = null;
    this.phoneDigits = pressDigitKey(this.phoneDigits, key, PHONE_DIGITS);
  }

  async submit(): Promise<void> {
    if (this.submitting) return;
    this.submitting = true;
    this.error = null;
    try {
      const other = this.contactMode === 'other';
      const result = await kioskApp.track(
        callKiosk('appeals.submit', {
          topicId: this.topicId,
          text: this.text,
          answerTo: other ? 'entered' : 'profile',
          ...(other && this.phoneDigits ? { contactPhone: `+7${this.phoneDigits}` } : {}),
          ...(other && this.email.trim() ? { contactEmail: this.email } : {}),
        }),
      );
      if (!result.ok) {
        this.error = result.error;
        // Take the customer to the field the core complained about.
        const fields = Object.keys(result.error.fields ?? {});
        if (fields.includes('text')) this.activeField = 'text';
        else if (fields.includes('contactPhone') && other) this.activeField = 'phone';
        else if (fields.includes('contactEmail') && other) this.activeField = 'email';
        return;
      }
      this.submitted = result.value;
      this.text = '';
      this.phoneDigits = '';
      this.email = '';
      this.view = 'done';
    } finally {
      this.submitting = false;
    }
  }
}
