// A renderer file that breaks the boundary on purpose: scripts/lint-boundaries.test.ts lints it
// and expects each of these imports to be refused (eslint.config.js ignores this folder otherwise).
import { startKioskCore } from '../../src-main/core/kiosk-core';
import { Outbox } from '../../src-main/core/outbox/outbox';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import fs from 'node:fs';
export { createKioskHandlers } from '../../src-main/features/kiosk-features';
// Allowed: the method map and a feature contract.
import { kioskMethodNames } from '../../src-main/features/kiosk-methods';
import { payContract } from '../../src-main/features/pay/pay-contract';

export const forbidden = [startKioskCore, Outbox, BillingClient, fs, kioskMethodNames, payContract];
export const lazy = () => import('../../src-main/core/store/database');
