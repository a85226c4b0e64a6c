// The list of features the kiosk is built from. A new service is a folder with its contract,
// handlers, submissions and documents; it is added here and its contract to `kiosk-methods.ts`.
import type { KioskServices } from '../core/kiosk-services';
import type { SubmissionKind } from '../core/outbox/submission-kinds';
import { appealsFeature } from './appeals';
import { billLoginFeature } from './bill-login';
import { chargesFeature } from './charges';
import { faqFeature } from './faq';
import { defineFeature, fullLoginOnly, type DocumentReceiptBuilder, type KioskFeature } from './feature';
import { kioskMethods, kioskPrintingContract, type KioskHandlers } from './kiosk-methods';
import { payFeature } from './pay';
import { createPrintingHandlers } from './printing/printing-handlers';
import { profileFeature } from './profile';
import { readingsFeature } from './readings';
import { readingsHistoryFeature } from './readings-history';
import { recoveryFeature } from './recovery';
import { registrationFeature } from './registration';
import { sessionFeature } from './session';
import { smsLoginFeature } from './sms-login';
import { staffFeature } from './staff';
import { summaryFeature } from './summary';
import { terminalFeature } from './terminal';
import { trainingBillFeature } from './training-bill';
import { voiceFeature } from './voice';

const printingFeature = defineFeature({ name: 'printing', contract: kioskPrintingContract, createHandlers: createPrintingHandlers });

export const kioskFeatures = [
  terminalFeature,
  sessionFeature,
  billLoginFeature,
  smsLoginFeature,
  summaryFeature,
  registrationFeature,
  recoveryFeature,
  payFeature,
  chargesFeature,
  readingsFeature,
  readingsHistoryFeature,
  appealsFeature,
  faqFeature,
  profileFeature,
  printingFeature,
  staffFeature,
  trainingBillFeature,
  voiceFeature,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
type FeatureHandlers = UnionToIntersection<ReturnType<(typeof kioskFeatures)[number]['createHandlers']>>;
// Fails the type check when a contract in kiosk-methods.ts has no feature here to handle it.
const everyMethodHandled = (handlers: FeatureHandlers): KioskHandlers => handlers;

/** Every handler of every feature, checked against the method list once more at run time. */
export function createKioskHandlers(services: KioskServices): KioskHandlers {
  const handlers: Record<string, unknown> = {};
  for (const feature of kioskFeatures as readonly KioskFeature[]) {
    for (const [name, handler] of Object.entries(feature.createHandlers(services))) {
      if (name in handlers) throw new Error(`method ${name} is handled by two features`);
      handlers[name] = handler;
    }
  }
  const missing = Object.keys(kioskMethods).filter((name) => !(name in handlers));
  if (missing.length > 0) throw new Error(`no feature handles ${missing.join(', ')}`);
  return everyMethodHandled(handlers as FeatureHandlers);
}

export const kioskSubmissionKinds: readonly SubmissionKind[] = kioskFeatures.flatMap((feature: KioskFeature) => feature.submissions ?? []);

/** How each printable document type becomes a receipt, from the features that declare them; who may print it is checked first. */
export function createDocumentReceipts(services: KioskServices): Map<string, DocumentReceiptBuilder> {
  const builders = new Map<string, DocumentReceiptBuilder>();
  for (const feature of kioskFeatures as readonly KioskFeature[]) {
    const forBillHolders = new Set(feature.billHolderDocuments ?? []);
    for (const [type, build] of Object.entries(feature.createDocuments?.(services) ?? {})) {
      builders.set(type, forBillHolders.has(type) ? build : fullLoginOnly(build));
    }
  }
  return builders;
}
