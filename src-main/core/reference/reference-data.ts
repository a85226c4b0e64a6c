// The billing centre's reference data (utility, offices, payee requisites, reading window), read
// through the SQLite cache: one cache entry and one lifetime for every feature that needs it.
import type { ReferenceData } from '../billing/billing-wire';
import type { KioskServices } from '../kiosk-services';
import type { CachedValue } from './reference-cache';

/** Announcements and requisites change rarely; ten minutes keeps the start screen fresh enough. */
export const REFERENCE_TTL_MS = 10 * 60_000;

export function readReferenceData(
  services: Pick<KioskServices, 'referenceCache' | 'billing' | 'billingLink'>,
  ttlMs = REFERENCE_TTL_MS,
): Promise<CachedValue<ReferenceData>> {
  const { referenceCache, billing, billingLink } = services;
  return referenceCache.get<ReferenceData>('reference-data', ttlMs, () => billingLink.call(() => billing.getReferenceData()));
}
