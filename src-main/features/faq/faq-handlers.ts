// The frequent questions, read through the SQLite reference cache like the rest of the reference
// data: fresh for ten minutes, and the saved copy when the billing centre does not answer.
import type { FaqText } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import { REFERENCE_TTL_MS } from '../../core/reference/reference-data';
import type { KioskHandlers } from '../kiosk-methods';

type FaqHandlers = Pick<KioskHandlers, 'faq.list'>;

const FAQ_CACHE_KEY = 'faq';

/** Every language filled: a translation the billing centre has not given yet reads in Russian. */
export function inEveryLanguage(text: FaqText): { ru: string; ba: string; en: string } {
  return { ru: text.ru, ba: text.ba ?? text.ru, en: text.en ?? text.ru };
}

export function createFaqHandlers(services: KioskServices): FaqHandlers {
  const { billing, billingLink, referenceCache } = services;

  return {
    async 'faq.list'() {
      const cached = await referenceCache.get(FAQ_CACHE_KEY, REFERENCE_TTL_MS, () => billingLink.call(() => billing.getFaq()));
      return {
        topics: cached.value.topics.map((topic) => ({
          id: topic.id,
          title: inEveryLanguage(topic.title),
          appealTopicIds: topic.appealTopicIds,
          questions: topic.questions.map((entry) => ({
            id: entry.id,
            question: inEveryLanguage(entry.question),
            answer: inEveryLanguage(entry.answer),
          })),
        })),
        // A copy still within its lifetime while the link is known to be down is the saved copy to the customer too.
        fromCache: cached.fromCache || !billingLink.online,
      };
    },
  };
}
