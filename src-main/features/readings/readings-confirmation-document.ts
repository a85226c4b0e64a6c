// «Распечатать подтверждение»: the confirmation of readings submitted in this visit, read back
// from the outbox (with the billing centre's registration number once delivered).
import type { z } from 'zod';
import { readingsResponseSchema } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import { documentNotFound, receiptContext, ufaDateTime } from '../../core/printing/document-parts';
import type { DocumentReceiptBuilder } from '../feature';
import { readingsConfirmationReceipt } from './readings-confirmation-receipt';
import type { readingsConfirmationDocument } from './readings-contract';
import { readingsSubmission } from './readings-submission';

export function readingsConfirmationDocuments(services: KioskServices): Record<string, DocumentReceiptBuilder> {
  const { outbox, config, clock } = services;
  return {
    'readings-confirmation': async (input, session) => {
      const document = input as z.output<typeof readingsConfirmationDocument>;
      const found = outbox.findOfSession(readingsSubmission, document.localReference, session.accountNumber, session.sessionId);
      if (!found) throw documentNotFound();
      const answer = readingsResponseSchema.safeParse(found.result);
      return readingsConfirmationReceipt(
        {
          accountNumber: session.accountNumber,
          registrationNumber: answer.success ? answer.data.registrationNumber : null,
          localReference: document.localReference,
          delivered: found.status === 'delivered',
          countsForPeriod: found.summary?.countsForPeriod ?? null,
          submittedAt: ufaDateTime(found.createdAt),
          lines: found.summary?.lines ?? [],
        },
        receiptContext(config, clock),
      );
    },
  };
}
