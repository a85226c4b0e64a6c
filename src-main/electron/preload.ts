// The only bridge between the sandboxed page and the kiosk core. The page gets one frozen object,
// `window.kioskBridge`, with two functions: `call(method, input)`, which forwards declared kiosk API
// methods over a single IPC channel and returns the core's `KioskResult` unchanged, and
// `subscribe(handler)`, which passes on the core's events (a snapshot first). No ipcRenderer, no
// Node, no Electron object ever crosses into the page's world.
//
// This script runs in a sandboxed renderer: it is bundled to one CommonJS file and may only
// require 'electron' (hence no import of shell-config.ts, which needs node:path).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KioskResult } from '../core/api/contract';
import { isKioskEventType, type KioskEvent } from '../core/events/kiosk-events';
// In the bundle this import is replaced by a plain list of names computed at build time (see
// vite.preload.config.ts), so the zod schemas behind it are not shipped into the renderer.
import { kioskMethodNames } from '../features/kiosk-methods';

/** Must equal the channels in shell-config.ts (a test checks that they match). */
const KIOSK_CALL_CHANNEL = 'kiosk:call';
const KIOSK_SUBSCRIBE_CHANNEL = 'kiosk:events:subscribe';
const KIOSK_EVENT_CHANNEL = 'kiosk:event';

const allowedMethods: ReadonlySet<string> = new Set<string>(kioskMethodNames);

const UNKNOWN_METHOD: KioskResult<never> = {
  ok: false,
  error: { code: 'unknown-method', message: { key: 'errors.unknown-method' } },
};

async function call(method: unknown, input: unknown): Promise<KioskResult<unknown>> {
  // Refused here already, so the main process never even sees names outside the contract; the
  // main process checks the sender and the dispatcher validates name and input again anyway.
  if (typeof method !== 'string' || !allowedMethods.has(method)) return UNKNOWN_METHOD;
  return (await ipcRenderer.invoke(KIOSK_CALL_CHANNEL, method, input)) as KioskResult<unknown>;
}

/** Returns the function that stops the events for this handler. */
function subscribe(handler: unknown): () => void {
  if (typeof handler !== 'function') return () => undefined;
  // Only the main process can send to ipcRenderer (renderer-to-renderer sendTo is gone from
  // Electron), and it sends only to our page in the top frame (it checks the sender of the
  // subscription, as for calls); names outside the event map are dropped all the same.
  const listener = (_event: IpcRendererEvent, message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const { type, data } = message as { type?: unknown; data?: unknown };
    if (!isKioskEventType(type) || typeof data !== 'object' || data === null) return;
    (handler as (event: KioskEvent) => void)({ type, data } as KioskEvent);
  };
  ipcRenderer.on(KIOSK_EVENT_CHANNEL, listener);
  ipcRenderer.send(KIOSK_SUBSCRIBE_CHANNEL);
  return () => {
    ipcRenderer.removeListener(KIOSK_EVENT_CHANNEL, listener);
  };
}

contextBridge.exposeInMainWorld('kioskBridge', Object.freeze({ call, subscribe }));
