// What a feature folder exports: its contract (methods and printable documents), the handlers of
// its methods, the submissions it writes ahead to the outbox, and how its documents become
// receipts. The composition root, the dispatcher, the outbox worker and the print service are
// built from the list of these (`kiosk-features.ts`).
import type { FeatureContract, HandlersFor, KioskMethodMap } from '../core/api/contract';
import type { KioskServices } from '../core/kiosk-services';
import type { SubmissionKind } from '../core/outbox/submission-kinds';
import type { Receipt } from '../core/printing/receipt';
import type { CustomerSessionData } from '../core/session/customer-session';

/** Builds the receipt of one printable document, always from billing data or the visit's own submissions. */
export type DocumentReceiptBuilder = (document: { type: string }, session: CustomerSessionData) => Promise<Receipt>;

export interface KioskFeature<M extends KioskMethodMap = KioskMethodMap> {
  readonly name: string;
  readonly contract: FeatureContract<M>;
  createHandlers(services: KioskServices): HandlersFor<M>;
  readonly submissions?: readonly SubmissionKind[];
  /** Per document type of the contract, how to build its receipt. */
  createDocuments?(services: KioskServices): Readonly<Record<string, DocumentReceiptBuilder>>;
}

export function defineFeature<M extends KioskMethodMap>(feature: KioskFeature<M>): KioskFeature<M> {
  return feature;
}
