// Assisted service: a staff member opens a customer's account at the terminal without the
// customer's password (the billing centre issues an assisted session in the staff member's name).
// While it lasts, every customer-audience call is written to the audit log (see kiosk-core), and it
// ends with the customer session however that ends (button, idle timeout, staff logout, restart).
import type { CustomerSession, CustomerSessionData } from '../../core/session/customer-session';
import type { StaffDesk } from './staff-desk';

/** Why staff open a customer's account; the billing centre receives the Russian text. */
export const ASSIST_REASONS = {
  'forgot-password': 'Клиент не помнит пароль от личного кабинета',
  readings: 'Помощь с передачей показаний',
  payment: 'Помощь с оплатой',
  appeal: 'Помощь с обращением',
  'no-registration': 'Лицевой счёт не зарегистрирован в личном кабинете',
  other: 'Консультация клиента в офисе',
} as const;
export type AssistReason = keyof typeof ASSIST_REASONS;
export const ASSIST_REASON_CODES = Object.keys(ASSIST_REASONS) as [AssistReason, ...AssistReason[]];

export interface AssistedVisit {
  /** The customer session opened for this visit. */
  sessionId: string;
  accountNumber: string;
  staffNumber: string;
  reason: AssistReason;
  startedAt: number;
}

export class AssistedService {
  private current: AssistedVisit | null = null;

  constructor(
    private readonly customerSession: CustomerSession,
    private readonly staffDesk: StaffDesk,
    private readonly clock: () => number = Date.now,
  ) {
    customerSession.onEnd((ended) => this.ended(ended));
  }

  /** The assisted visit in progress, if the customer session on screen is one. */
  get active(): AssistedVisit | null {
    const session = this.customerSession.active;
    if (!this.current || !session || session.sessionId !== this.current.sessionId) return null;
    return this.current;
  }

  /** Starts the customer session of an assisted visit (after the billing centre opened one). */
  begin(accountNumber: string, billingToken: string, reason: AssistReason): AssistedVisit {
    const staff = this.staffDesk.require();
    const session = this.customerSession.begin(accountNumber, billingToken);
    this.current = { sessionId: session.sessionId, accountNumber, staffNumber: staff.staffNumber, reason, startedAt: this.clock() };
    this.staffDesk.audit({ action: 'assist.open', reason }, accountNumber);
    return this.current;
  }

  private ended(session: CustomerSessionData): void {
    const visit = this.current;
    if (!visit || visit.sessionId !== session.sessionId) return;
    this.current = null;
    // In the name of the staff member who opened it, even if their own session has closed meanwhile.
    this.staffDesk.auditAs(
      visit.staffNumber,
      { action: 'assist.end', minutes: Math.round((this.clock() - visit.startedAt) / 60_000) },
      visit.accountNumber,
    );
  }
}
