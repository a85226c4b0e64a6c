// The only bridge between the sandboxed page and the kiosk core. The page gets one frozen object,
// `window.kioskBridge`, with one function: `call(method, input)`, which forwards declared kiosk API
// methods over a single IPC channel and returns the core's `KioskResult` unchanged. No ipcRenderer,
// no Node, no Electron object ever crosses into the page's world.
//
// This script runs in a sandboxed renderer: it is bundled to one CommonJS file and may only
// require 'electron' (hence no import of shell-config.ts, which needs node:path).
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskResult } from '../core/api/contract';
// In the bundle this import is replaced by a plain list of names computed at build time (see
// vite.preload.config.ts), so the zod schemas behind it are not shipped into the renderer.
import { kioskMethodNames } from '../core/api/methods';

/** Must equal `KIOSK_CALL_CHANNEL` in shell-config.ts (a test checks that they match). */
const KIOSK_CALL_CHANNEL = 'kiosk:call';

const allowedMethods: ReadonlySet<string> = new Set<string>(kioskMethodNames);

const UNKNOWN_METHOD: KioskResult<never> = {
  ok: false,
  error: { code: 'unknown-method', message: 'Такой операции нет.' },
};

async function call(method: unknown, input: unknown): Promise<KioskResult<unknown>> {
  // Refused here already, so the main process never even sees names outside the contract; the
  // main process checks the sender and the dispatcher validates name and input again anyway.
  if (typeof method !== 'string' || !allowedMethods.has(method)) return UNKNOWN_METHOD;
  return (await ipcRenderer.invoke(KIOSK_CALL_CHANNEL, method, input)) as KioskResult<unknown>;
}

contextBridge.exposeInMainWorld('kioskBridge', Object.freeze({ call }));
