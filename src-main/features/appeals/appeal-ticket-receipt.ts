// The appeal ticket on paper: its number, date and topic, and where the answer will come.
import type { Receipt } from '../../core/printing/receipt';
import { footer, type ReceiptContext } from '../../core/printing/document-parts';

export interface AppealTicket {
  accountNumber: string;
  appealNumber: string | null;
  localReference: string;
  topic: string;
  /** `DD.MM.YYYY HH:MM` in Ufa. */
  submittedAt: string;
  delivered: boolean;
}

export function appealTicketReceipt(ticket: AppealTicket, context: ReceiptContext): Receipt {
  return {
    kind: 'appeal-ticket',
    blocks: [
      { kind: 'title', text: 'Обращение' },
      { kind: 'pair', label: 'Лицевой счёт', value: ticket.accountNumber },
      ticket.appealNumber
        ? { kind: 'pair', label: 'Номер обращения', value: ticket.appealNumber, bold: true }
        : { kind: 'pair', label: 'Номер на терминале', value: ticket.localReference, bold: true },
      { kind: 'pair', label: 'Дата', value: ticket.submittedAt },
      { kind: 'text', text: `Тема: ${ticket.topic}` },
      {
        kind: 'text',
        text: ticket.delivered
          ? 'Обращение зарегистрировано. Ответ придёт на указанный вами контакт.'
          : 'Обращение принято терминалом и будет передано, как только появится связь.',
      },
      ...footer(context),
    ],
  };
}
