// «Частые вопросы» of the Виртуальная приёмная: the billing centre's questions and answers by topic,
// browsed from the appeals list and offered before a new appeal on a matching topic. Every text
// comes in the three languages, so the screen follows the language switch without asking again.
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type FaqTopic = KioskOutput<'faq.list'>['topics'][number];
export type FaqQuestion = FaqTopic['questions'][number];

/** A piece of an answer; `whole` pieces (a phone number, a hyphenated word) must not break across lines. */
export interface TextPiece {
  text: string;
  whole: boolean;
}

/** A number or a word joined by hyphens: «8-800-250-52-80», «QR-код», «e-mail». */
const KEPT_WHOLE = /(\d+(?:-\d+)+|[\p{L}\d]+(?:-[\p{L}\d]+)+)/u;

/** Splits a text so that numbers and words joined by hyphens are shown unbroken; the text read aloud is unchanged. */
export function piecesOf(text: string): TextPiece[] {
  // With a capturing group, split puts each match at an odd index.
  return text
    .split(KEPT_WHOLE)
    .map((piece, index) => ({ text: piece, whole: index % 2 === 1 }))
    .filter((piece) => piece.text !== '');
}

export class FaqState {
  topics = $state.raw<FaqTopic[]>([]);
  error = $state<KioskError | null>(null);
  loaded = $state(false);
  /** The billing centre did not answer: the terminal's saved copy is shown. */
  fromCache = $state(false);
  /** The topic being browsed. */
  topicId = $state<string | null>(null);
  /** Questions whose answers are open. */
  openQuestionIds = $state<string[]>([]);

  readonly topic = $derived(this.topics.find((topic) => topic.id === this.topicId) ?? null);

  async load(): Promise<void> {
    const result = await kioskApp.track(callKiosk('faq.list', {}));
    if (result.ok) {
      this.topics = result.value.topics;
      this.fromCache = result.value.fromCache;
      this.error = null;
      this.loaded = true;
    } else {
      this.error = result.error;
    }
  }

  /** Loads the questions unless they are here already (a new appeal retries quietly after a failure). */
  async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.load();
  }

  openTopic(topicId: string): void {
    this.topicId = topicId;
    this.openQuestionIds = [];
  }

  /** The frequent questions to offer before a new appeal on this appeal topic, in the billing centre's order. */
  questionsFor(appealTopicId: string): FaqQuestion[] {
    return this.topics.filter((topic) => topic.appealTopicIds.includes(appealTopicId)).flatMap((topic) => topic.questions);
  }

  isOpen(questionId: string): boolean {
    return this.openQuestionIds.includes(questionId);
  }

  toggle(questionId: string): void {
    this.openQuestionIds = this.isOpen(questionId)
      ? this.openQuestionIds.filter((id) => id !== questionId)
      : [...this.openQuestionIds, questionId];
  }
}
