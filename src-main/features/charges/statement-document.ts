// «Распечатать выписку»: the compact statement for the period shown.
import type { z } from 'zod';
import { KioskFailure } from '../../core/api/contract';
import { message } from '../../core/messages/messages';
import type { KioskServices } from '../../core/kiosk-services';
import { receiptContext } from '../../core/printing/document-parts';
import type { DocumentReceiptBuilder } from '../feature';
import type { statementDocument } from './charges-contract';
import { statementReceipt } from './statement-receipt';

export function statementDocuments(services: KioskServices): Record<string, DocumentReceiptBuilder> {
  const { billing, billingLink, config, clock } = services;
  return {
    statement: async (input, session) => {
      const document = input as z.output<typeof statementDocument>;
      if (document.from > document.to) throw new KioskFailure({ code: 'invalid-input', message: message('charges.errors.reversedPrint') });
      const statement = await billingLink.call(() => billing.getStatement(session.billingToken, document.from, document.to));
      return statementReceipt(statement, receiptContext(config, clock));
    },
  };
}
