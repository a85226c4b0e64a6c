// The amounts a customer may pay at the kiosk, and the refusals for the others. Kept free of any
// dependency so the method declarations (read by the preload and the renderer) can use it.
import type { MessageKey } from '../../core/messages/messages';

/** The largest amount one payment at the kiosk may be for: 1 000 000 ₽ (the catalogs' `pay.errors.tooLarge` says it). */
export const MAX_PAYMENT_KOPECKS = 100_000_000;

/** The refusal for an amount, or null when it may be paid. */
export function paymentAmountProblem(amountKopecks: number): MessageKey | null {
  if (!Number.isInteger(amountKopecks)) return 'pay.errors.notKopecks';
  if (amountKopecks <= 0) return 'pay.errors.notPositive';
  if (amountKopecks > MAX_PAYMENT_KOPECKS) return 'pay.errors.tooLarge';
  return null;
}
