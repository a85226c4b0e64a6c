// Builds the receipt of a document the customer asked for (always from the billing centre's data
// or this visit's own submissions, never from what the renderer sends), then previews or prints it.
import { KioskFailure } from '../contract';
import type { KioskHandlers } from '../dispatcher';
import type { PrintableDocument } from '../methods/print-methods';
import type { KioskServices } from '../../kiosk-services';
import { appealSchema, readingsResponseSchema } from '../../billing/billing-wire';
import { buildPaymentSlip, paymentAmountProblem } from '../../payment/payment-slip';
import type { Receipt } from '../../printing/receipt';
import {
  appealTicketReceipt,
  paymentSlipReceipt,
  readingsConfirmationReceipt,
  russianDate,
  statementReceipt,
  type ReceiptContext,
} from '../../printing/receipts';
import { ufaDate, ufaTime } from '../../time/calendar';

type PrintHandlers = Pick<KioskHandlers, 'print.preview' | 'print.document' | 'print.retry'>;

export function createPrintHandlers(services: KioskServices): PrintHandlers {
  const { billing, billingLink, printing, outbox, config, clock } = services;

  const ufaDateTime = (instantMs: number) => `${russianDate(ufaDate(instantMs))} ${ufaTime(instantMs)}`;
  const context = (): ReceiptContext => ({ terminalId: config.terminalId, officeName: config.officeName, printedAt: ufaDateTime(clock()) });
  const notFound = () =>
    new KioskFailure({ code: 'not-found', message: 'Документ не найден: распечатать можно только то, что оформлено в этом сеансе.' });

  async function receiptFor(document: PrintableDocument): Promise<Receipt> {
    const session = services.requireCustomer();
    switch (document.type) {
      case 'payment-slip': {
        const problem = paymentAmountProblem(document.amountKopecks);
        if (problem) throw new KioskFailure({ code: 'invalid-input', message: problem, fields: { 'document.amountKopecks': problem } });
        const invoice = await billingLink.call(() => billing.getInvoice(session.billingToken));
        return paymentSlipReceipt(buildPaymentSlip(invoice, document.amountKopecks, ufaDate(clock())), context());
      }
      case 'statement': {
        if (document.from > document.to) throw new KioskFailure({ code: 'invalid-input', message: 'Начало периода позже его конца.' });
        const statement = await billingLink.call(() => billing.getStatement(session.billingToken, document.from, document.to));
        return statementReceipt(statement, context());
      }
      case 'readings-confirmation': {
        const found = outbox.findOfSession(document.localReference, session.accountNumber, session.sessionId);
        if (!found || found.kind !== 'readings') throw notFound();
        const summary = found.summary as {
          countsForPeriod?: string | null;
          lines?: Array<{
            serialNumber: string;
            unit: string;
            previous: number | null;
            value: string | number;
            consumption: number | null;
          }>;
        } | null;
        const answer = readingsResponseSchema.safeParse(found.result);
        return readingsConfirmationReceipt(
          {
            accountNumber: session.accountNumber,
            registrationNumber: answer.success ? answer.data.registrationNumber : null,
            localReference: document.localReference,
            delivered: found.status === 'delivered',
            countsForPeriod: summary?.countsForPeriod ?? null,
            submittedAt: ufaDateTime(found.createdAt),
            lines: summary?.lines ?? [],
          },
          context(),
        );
      }
      case 'appeal-ticket': {
        const found = outbox.findOfSession(document.localReference, session.accountNumber, session.sessionId);
        if (!found || found.kind !== 'appeal') throw notFound();
        const summary = found.summary as { topic?: string } | null;
        const answer = appealSchema.safeParse(found.result);
        return appealTicketReceipt(
          {
            accountNumber: session.accountNumber,
            appealNumber: answer.success ? answer.data.appealNumber : null,
            localReference: document.localReference,
            topic: answer.success ? answer.data.topic : (summary?.topic ?? ''),
            submittedAt: ufaDateTime(found.createdAt),
            delivered: found.status === 'delivered',
          },
          context(),
        );
      }
    }
  }

  return {
    async 'print.preview'({ document }) {
      return printing.preview(await receiptFor(document));
    },

    async 'print.document'({ document }) {
      const receipt = await receiptFor(document);
      const session = services.requireCustomer();
      return printing.print(receipt, { accountNumber: session.accountNumber, sessionId: session.sessionId });
    },

    async 'print.retry'({ jobId }) {
      const session = services.requireCustomer();
      if (!printing.belongsToSession(jobId, session.sessionId)) throw notFound();
      const outcome = await printing.reprint(jobId);
      if (!outcome) throw notFound();
      return outcome;
    },
  };
}
