// Every kiosk API method, merged from the per-feature declarations. The renderer client, the
// preload allow-list and the HTTP routes all read this one map.
import type { MethodInput, MethodOutput } from '../contract';
import { appealMethods } from './appeal-methods';
import { paymentMethods } from './payment-methods';
import { printMethods } from './print-methods';
import { profileMethods } from './profile-methods';
import { readingsMethods } from './readings-methods';
import { registrationMethods } from './registration-methods';
import { sessionMethods } from './session-methods';
import { staffMethods } from './staff-methods';
import { terminalMethods } from './terminal-methods';

export const kioskMethods = {
  ...terminalMethods,
  ...sessionMethods,
  ...registrationMethods,
  ...paymentMethods,
  ...readingsMethods,
  ...appealMethods,
  ...profileMethods,
  ...printMethods,
  ...staffMethods,
} as const;

export type KioskMethods = typeof kioskMethods;
export type KioskMethodName = keyof KioskMethods;
export type KioskInput<N extends KioskMethodName> = MethodInput<KioskMethods[N]>;
export type KioskOutput<N extends KioskMethodName> = MethodOutput<KioskMethods[N]>;

export const kioskMethodNames = Object.keys(kioskMethods) as KioskMethodName[];

export function isKioskMethodName(name: unknown): name is KioskMethodName {
  return typeof name === 'string' && Object.hasOwn(kioskMethods, name);
}
