// Previews and prints a document the customer asked for. Which documents exist, and how each is
// built (always from the billing centre's data or this visit's own submissions, never from what
// the renderer sends), is each feature's own; this handler only looks the builder up.
import type { KioskHandlers } from '../kiosk-methods';
import type { KioskServices } from '../../core/kiosk-services';
import { documentNotFound } from '../../core/printing/document-parts';
import type { Receipt } from '../../core/printing/receipt';
import { maskAccountNumberIn } from '../../core/security/account-number-mask';

type PrintingHandlers = Pick<KioskHandlers, 'print.preview' | 'print.document' | 'print.retry'>;

export function createPrintingHandlers(services: KioskServices): PrintingHandlers {
  const { printing } = services;

  async function receiptFor(document: { type: string }): Promise<Receipt> {
    const session = services.requireBillHolder();
    const build = services.documentReceipts.get(document.type);
    if (!build) throw documentNotFound();
    return build(document, session);
  }

  return {
    async 'print.preview'({ document }) {
      const session = services.requireBillHolder();
      const preview = printing.preview(await receiptFor(document));
      // The preview is on the screen, where an account number is always masked; the paper
      // (print.document) carries it whole, as the bank and the customer need it.
      return { ...preview, lines: preview.lines.map((line) => maskAccountNumberIn(line, session.accountNumber)) };
    },

    async 'print.document'({ document }) {
      const receipt = await receiptFor(document);
      const session = services.requireBillHolder();
      return printing.print(receipt, { accountNumber: session.accountNumber, sessionId: session.sessionId });
    },

    async 'print.retry'({ jobId }) {
      const session = services.requireBillHolder();
      if (!printing.belongsToSession(jobId, session.sessionId)) throw documentNotFound();
      const outcome = await printing.reprint(jobId);
      if (!outcome) throw documentNotFound();
      return outcome;
    },
  };
}
