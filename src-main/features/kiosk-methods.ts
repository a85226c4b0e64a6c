// Every kiosk API method, from the list of feature contracts. Node-free: the renderer's client,
// the preload allow-list and the HTTP routes all read this one map. A new feature adds its
// contract here and its feature object to `kiosk-features.ts`; the type check fails until both agree.
import { actsOnAccount, type HandlersFor, type MethodInput, type MethodOutput } from '../core/api/contract';
import { appealsContract } from './appeals/appeals-contract';
import { billLoginContract } from './bill-login/bill-login-contract';
import { chargesContract } from './charges/charges-contract';
import { faqContract } from './faq/faq-contract';
import { payContract } from './pay/pay-contract';
import { printingContract } from './printing/printing-contract';
import { profileContract } from './profile/profile-contract';
import { readingsContract } from './readings/readings-contract';
import { readingsHistoryContract } from './readings-history/readings-history-contract';
import { recoveryContract } from './recovery/recovery-contract';
import { registrationContract } from './registration/registration-contract';
import { sessionContract } from './session/session-contract';
import { smsLoginContract } from './sms-login/sms-login-contract';
import { staffContract } from './staff/staff-contract';
import { summaryContract } from './summary/summary-contract';
import { terminalContract } from './terminal/terminal-contract';
import { trainingBillContract } from './training-bill/training-bill-contract';
import { voiceContract } from './voice/voice-contract';

const featureContracts = [
  terminalContract,
  sessionContract,
  billLoginContract,
  smsLoginContract,
  summaryContract,
  registrationContract,
  recoveryContract,
  payContract,
  chargesContract,
  readingsContract,
  readingsHistoryContract,
  appealsContract,
  faqContract,
  profileContract,
  staffContract,
  trainingBillContract,
  voiceContract,
] as const;

type FeatureContracts = (typeof featureContracts)[number];
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

type PrintableDocumentSchema = FeatureContracts['documents'][number];

/** Every document a customer can print, as each feature declared it. */
const printableDocuments = featureContracts.flatMap((contract): readonly PrintableDocumentSchema[] => contract.documents);

/** The printing feature's contract, over the documents of every feature. */
export const kioskPrintingContract = printingContract(printableDocuments);

export type KioskMethods = UnionToIntersection<FeatureContracts['methods']> & (typeof kioskPrintingContract)['methods'];

export const kioskMethods = Object.assign(
  {},
  ...featureContracts.map((contract) => contract.methods),
  kioskPrintingContract.methods,
) as KioskMethods;

export type KioskMethodName = keyof KioskMethods & string;
export type KioskInput<N extends KioskMethodName> = MethodInput<KioskMethods[N]>;
export type KioskOutput<N extends KioskMethodName> = MethodOutput<KioskMethods[N]>;

/** Every method's handler: what the features' handlers must add up to. */
export type KioskHandlers = HandlersFor<KioskMethods>;

export const kioskMethodNames = Object.keys(kioskMethods) as KioskMethodName[];

export function isKioskMethodName(name: unknown): name is KioskMethodName {
  return typeof name === 'string' && Object.hasOwn(kioskMethods, name);
}

/** The methods that act on a customer's account (audience `customer` or `bill-holder`): assisted service audits each call. */
export type AccountMethodName = {
  [N in KioskMethodName]: KioskMethods[N]['audience'] extends 'customer' | 'bill-holder' ? N : never;
}[KioskMethodName];

export function isAccountMethodName(name: unknown): name is AccountMethodName {
  return isKioskMethodName(name) && actsOnAccount(kioskMethods[name].audience);
}
