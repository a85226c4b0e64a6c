// «Виртуальная приёмная»: topics, earlier appeals with answers, a new appeal and its ticket.
import { defineFeature } from '../feature';
import { appealsContract } from './appeals-contract';
import { createAppealHandlers } from './appeals-handlers';
import { appealSubmission } from './appeal-submission';
import { appealTicketDocuments } from './appeal-ticket-document';

export const appealsFeature = defineFeature({
  name: 'appeals',
  contract: appealsContract,
  createHandlers: createAppealHandlers,
  submissions: [appealSubmission],
  createDocuments: appealTicketDocuments,
});
