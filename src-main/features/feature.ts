// What a feature folder exports: its contract (methods and printable documents), the handlers of
// its methods, the submissions it writes ahead to the outbox, and how its documents become
// receipts. The composition root, the dispatcher, the outbox worker and the print service are
// built from the list of these (`kiosk-features.ts`).
import { KioskFailure, type FeatureContract, type HandlersFor, type KioskMethodMap } from '../core/api/contract';
import { message } from '../core/messages/messages';
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
  /**
   * The document types a bill session may print too (the payment slip, a readings confirmation);
   * every other document needs a customer logged in fully.
   */
  readonly billHolderDocuments?: readonly string[];
}

/** A document only a customer logged in fully may print: a bill session is refused before anything is built. */
export function fullLoginOnly(build: DocumentReceiptBuilder): DocumentReceiptBuilder {
  return (document, session) => {
    if (session.access !== 'full') throw new KioskFailure({ code: 'full-login-required', message: message('errors.full-login-required') });
    return build(document, session);
  };
}

export function defineFeature<M extends KioskMethodMap>(feature: KioskFeature<M>): KioskFeature<M> {
  return feature;
}
