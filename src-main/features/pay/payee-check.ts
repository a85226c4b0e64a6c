// The kiosk's check of the billing centre's payee before it makes a payment QR code (screen or
// paper): requisites that fail (see payee-requisites.ts) give no QR, a warning in the log, and a
// flag on the staff status until a later check passes, so office staff learn of it from the kiosk
// rather than from a customer whose bank refused the code.
import type { Payee } from '../../core/billing/billing-wire';
import type { KioskServices } from '../../core/kiosk-services';
import { payeeRequisitesProblems } from './payee-requisites';

export interface PayeeRefusal {
  /** What failed, in words for staff and the log. */
  problems: string[];
  /** When the kiosk last refused them (ms since the epoch). */
  at: number;
}

/**
 * The latest refusal per running core. Kept beside the services rather than in them because only
 * the pay feature sets it and only the staff status reads it; a restart forgets it, and the next
 * payment QR sets it again if the requisites are still wrong.
 */
const latestRefusal = new WeakMap<KioskServices, PayeeRefusal>();

/** Where a payment QR was about to be made, for the log. */
export type PaymentQrUse = 'pay-screen' | 'payment-slip' | 'training-bill';

/** True when the payee's requisites pass and a payment QR may be made; otherwise logs and flags it. */
export function payeeFitForQr(services: KioskServices, payee: Payee, use: PaymentQrUse, accountNumber: string): boolean {
  const problems = payeeRequisitesProblems(payee);
  if (problems.length === 0) {
    latestRefusal.delete(services);
    return true;
  }
  services.logger.warn('payment QR withheld: the billing centre payee requisites fail their checks', { use, accountNumber, problems });
  latestRefusal.set(services, { problems, at: services.clock() });
  return false;
}

/** The refusal staff should see, or null while the billing centre's payee passes (or was not checked since start). */
export function payeeRefusalFor(services: KioskServices): PayeeRefusal | null {
  return latestRefusal.get(services) ?? null;
}
