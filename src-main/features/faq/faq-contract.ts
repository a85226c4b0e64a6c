// «Частые вопросы» of the Виртуальная приёмная: the billing centre's frequent questions and their
// answers by topic, every text in Russian, Bashkir and English, so the screen switches language
// without asking again. Nothing here is personal, so anyone at the terminal may read them.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { emptyInputSchema } from '../../core/api/schemas';

/** A text in each of the kiosk's languages (the Russian one where the billing centre has no translation). */
export const faqTextSchema = z.object({ ru: z.string(), ba: z.string(), en: z.string() });

export const faqOutput = z.object({
  topics: z.array(
    z.object({
      id: z.string(),
      title: faqTextSchema,
      /** The appeal topics whose new appeals offer these questions first. */
      appealTopicIds: z.array(z.string()),
      questions: z.array(z.object({ id: z.string(), question: faqTextSchema, answer: faqTextSchema })),
    }),
  ),
  /** True when the answers are the terminal's saved copy because the billing centre did not answer. */
  fromCache: z.boolean(),
});

export const faqContract = defineContract({
  methods: {
    'faq.list': defineMethod({
      name: 'faq.list',
      audience: 'public',
      input: emptyInputSchema,
      output: faqOutput,
    }),
  },
});
