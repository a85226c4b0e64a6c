// The reference billing server's fixed demo accounts under names that say what each one is there
// to show, so a test reads «the customer who owes money» rather than nine digits. The numbers and
// the password come from the demo data itself; nothing here may drift from it.
import {
  DEMO_ACCOUNTS,
  DEMO_BILL_CODES,
  DEMO_PAPER_BILL_ONLY_ACTIVATION_CODE,
  DEMO_PASSWORD,
  DEMO_PHONES,
  DEMO_REGISTRATION,
} from '../../src-main/billing-server/demo-data';

export interface DemoAccount {
  accountNumber: string;
  password: string;
}

/** What the holder of an account's last paper bill knows, and the phone its SMS go to. */
export interface DemoBillHolder {
  accountNumber: string;
  /** The «код квитанции» on the account's last bill. */
  billCode: string;
  /** The phone on file. */
  phone: string;
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
  /**
   * Сидорова В. И.: only the paper bill. No e-mail, no password, never registered; a mobile phone,
   * so she can log in by SMS or register with the password sent by SMS. Her last bill is unpaid.
   */
  paperBillOnly: {
    accountNumber: DEMO_ACCOUNTS.paperBillOnly,
    billCode: DEMO_BILL_CODES.paperBillOnly,
    phone: DEMO_PHONES.paperBillOnly,
    activationCode: DEMO_PAPER_BILL_ONLY_ACTIVATION_CODE,
  },
} as const;

const billHolder = (name: keyof typeof DEMO_ACCOUNTS): DemoBillHolder => ({
  accountNumber: DEMO_ACCOUNTS[name],
  billCode: DEMO_BILL_CODES[name],
  phone: DEMO_PHONES[name],
});

/**
 * Each fixed demo account as the holder of its last paper bill: the bill's code and the phone on
 * file, by the same names as `DEMO` (kept apart from `DEMO`, whose entries are typed into the kiosk as they are).
 */
export const BILL_HOLDERS = {
  owesMoney: billHolder('owesMoney'),
  paidInAdvance: billHolder('paidInAdvance'),
  expiredVerification: billHolder('expiredVerification'),
  /** Her phone is a landline in Ufa: the billing centre cannot send her an SMS. */
  notRegistered: billHolder('notRegistered'),
  paperBillOnly: billHolder('paperBillOnly'),
} as const;

/** A well-formed account number that no demo household has (they run 820000001…820000217). */
export const NO_SUCH_ACCOUNT = '829999999';

/** A bill code that is none of the fixed demo accounts' codes. */
export const WRONG_BILL_CODE = '0000';

/** The demo staff member every training-mode kiosk has (README): staff number 1001, PIN 123456. */
export const TRAINING_STAFF = { number: '1001', pin: '123456' } as const;
