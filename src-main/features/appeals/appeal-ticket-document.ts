// «Распечатать талон»: the ticket of an appeal sent in this visit, read back from the outbox.
import type { z } from 'zod';
import { appealSchema } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import { documentNotFound, receiptContext, ufaDateTime } from '../../core/printing/document-parts';
import type { DocumentReceiptBuilder } from '../feature';
import { appealSubmission } from './appeal-submission';
import { appealTicketReceipt } from './appeal-ticket-receipt';
import type { appealTicketDocument } from './appeals-contract';

export function appealTicketDocuments(services: KioskServices): Record<string, DocumentReceiptBuilder> {
  const { outbox, config, clock } = services;
  return {
    'appeal-ticket': async (input, session) => {
      const document = input as z.output<typeof appealTicketDocument>;
      const found = outbox.findOfSession(appealSubmission, document.localReference, session.accountNumber, session.sessionId);
      if (!found) throw documentNotFound();
      const answer = appealSchema.safeParse(found.result);
      return appealTicketReceipt(
        {
          accountNumber: session.accountNumber,
          appealNumber: answer.success ? answer.data.appealNumber : null,
          localReference: document.localReference,
          topic: answer.success ? answer.data.topic : (found.summary?.topic ?? ''),
          submittedAt: ufaDateTime(found.createdAt),
          delivered: found.status === 'delivered',
        },
        receiptContext(config, clock),
      );
    },
  };
}
