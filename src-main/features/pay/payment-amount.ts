// The amounts a customer may pay at the kiosk, and the Russian refusals for the others. Kept free
// of any dependency so the method declarations (read by the preload and the renderer) can use it.

/** The largest amount one payment at the kiosk may be for: 1 000 000 ₽. */
export const MAX_PAYMENT_KOPECKS = 100_000_000;

export const AMOUNT_NOT_POSITIVE_MESSAGE = 'Сумма к оплате должна быть больше нуля. Введите сумму в рублях и копейках.';
export const AMOUNT_TOO_LARGE_MESSAGE = 'Сумма слишком большая: за один платёж можно оплатить не более 1 000 000 ₽. Проверьте сумму.';
export const AMOUNT_NOT_KOPECKS_MESSAGE = 'Сумма указывается в рублях и копейках.';

/** The Russian refusal for an amount, or null when it may be paid. */
export function paymentAmountProblem(amountKopecks: number): string | null {
  if (!Number.isInteger(amountKopecks)) return AMOUNT_NOT_KOPECKS_MESSAGE;
  if (amountKopecks <= 0) return AMOUNT_NOT_POSITIVE_MESSAGE;
  if (amountKopecks > MAX_PAYMENT_KOPECKS) return AMOUNT_TOO_LARGE_MESSAGE;
  return null;
}
