// The reference billing server's fixed demo accounts under names that say what each one is there
// to show, so a test reads «the customer who owes money» rather than nine digits. The numbers and
// the password come from the demo data itself; nothing here may drift from it.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_REGISTRATION } from '../../src-main/billing-server/demo-data';

export interface DemoAccount {
  accountNumber: string;
  password: string;
}

export const DEMO = {
  /** Петров С. Н.: registered, has stopped paying, so there is an amount due and a debt. */
  owesMoney: { accountNumber: DEMO_ACCOUNTS.owesMoney, password: DEMO_PASSWORD },
  /** Галиева А. Р.: registered, paid in advance, so nothing is due. */
  paidInAdvance: { accountNumber: DEMO_ACCOUNTS.paidInAdvance, password: DEMO_PASSWORD },
  /** Хабибуллин Р. И.: registered, one hot-water meter past its verification date and one working. */
  expiredVerification: { accountNumber: DEMO_ACCOUNTS.expiredVerification, password: DEMO_PASSWORD },
  /** Иванова М. П.: not registered yet; README's activation code and e-mail register her. */
  notRegistered: {
    accountNumber: DEMO_ACCOUNTS.notRegistered,
    activationCode: DEMO_REGISTRATION.activationCode,
    /** The activation code as typed on the keypad: the dashes appear by themselves. */
    activationDigits: DEMO_REGISTRATION.activationCode.replaceAll('-', ''),
    email: DEMO_REGISTRATION.email,
  },
} as const;

/** A well-formed account number that no demo household has (they run 820000001…820000216). */
export const NO_SUCH_ACCOUNT = '829999999';

/** The demo staff member every training-mode kiosk has (README): staff number 1001, PIN 123456. */
export const TRAINING_STAFF = { number: '1001', pin: '123456' } as const;
