// «Распечатать выписку»: the statement for the period shown, in full or, for a long period, compact.
import type { z } from 'zod';
import { KioskFailure } from '../../core/api/contract';
import { message } from '../../core/messages/messages';
import type { KioskServices } from '../../core/kiosk-services';
import { receiptContext } from '../../core/printing/document-parts';
import type { DocumentReceiptBuilder } from '../feature';
import type { statementDocument } from './charges-contract';
import { statementCompactReceipt, statementReceipt } from './statement-receipt';

export function statementDocuments(services: KioskServices): Record<string, DocumentReceiptBuilder> {
  const { billing, billingLink, config, clock } = services;
  return {
    statement: async (input, session) => {
      const document = input as z.output<typeof statementDocument>;
      if (document.from > document.to) throw new KioskFailure({ code: 'invalid-input', message: message('charges.errors.reversedPrint') });
      const statement = await billingLink.call(() => billing.getStatement(session.billingToken, document.from, document.to));
      const context = receiptContext(config, clock);
      return document.form === 'compact' ? statementCompactReceipt(statement, context) : statementReceipt(statement, context);
    },
  };
}
