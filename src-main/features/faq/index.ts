// «Частые вопросы»: the billing centre's frequent questions and answers by topic.
import { defineFeature } from '../feature';
import { faqContract } from './faq-contract';
import { createFaqHandlers } from './faq-handlers';

export const faqFeature = defineFeature({
  name: 'faq',
  contract: faqContract,
  createHandlers: createFaqHandlers,
});
