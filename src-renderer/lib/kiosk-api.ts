// The renderer's one client of the kiosk API. It does not know its transport: in Electron the
// preload's `kioskBridge` carries calls and the core's events over IPC; in browser mode they go to
// the loopback server (POSTs and an EventSource), which the session cookie set at launch authorises.
import type { KioskError, KioskResult } from '../../src-main/core/api/contract';
import { kioskEventTypes, type KioskEvent, type KioskEventListener } from '../../src-main/core/events/kiosk-events';
import type { KioskInput, KioskMethodName, KioskOutput } from '../../src-main/features/kiosk-methods';

export type { KioskError, KioskEvent, KioskResult };

interface KioskBridge {
  call(method: string, input: unknown): Promise<KioskResult<unknown>>;
  /** Returns the function that stops the events. */
  subscribe(handler: KioskEventListener): () => void;
}

declare global {
  interface Window {
    kioskBridge?: KioskBridge;
  }
}

const TRANSPORT_FAILURE: KioskError = { code: 'internal', message: { key: 'errors.transportFailure' } };

async function callOverHttp(method: string, input: unknown): Promise<KioskResult<unknown>> {
  try {
    const response = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      // Same-origin: the browser adds the HttpOnly session cookie; no script ever sees the secret.
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    const body = (await response.json()) as KioskResult<unknown>;
    if (typeof body === 'object' && body !== null && 'ok' in body) return body;
    return { ok: false, error: TRANSPORT_FAILURE };
  } catch {
    return { ok: false, error: TRANSPORT_FAILURE };
  }
}

export async function callKiosk<N extends KioskMethodName>(method: N, input: KioskInput<N>): Promise<KioskResult<KioskOutput<N>>> {
  // A JSON round trip drops Svelte's $state proxies, which IPC's structured clone cannot carry.
  const plainInput: unknown = JSON.parse(JSON.stringify(input ?? {}));
  const result = window.kioskBridge ? await window.kioskBridge.call(method, plainInput) : await callOverHttp(method, plainInput);
  return result as KioskResult<KioskOutput<N>>;
}

/**
 * Calls `handler` with every event the core pushes, beginning with a snapshot (and a fresh
 * snapshot after any reconnection); returns the function that stops them.
 */
export function subscribeKioskEvents(handler: KioskEventListener): () => void {
  return window.kioskBridge ? window.kioskBridge.subscribe(handler) : subscribeOverHttp(handler);
}

function subscribeOverHttp(handler: KioskEventListener): () => void {
  // Same-origin, so the session cookie goes along. The browser reconnects by itself after a drop;
  // the server starts each connection with a snapshot.
  const source = new EventSource('events');
  for (const type of kioskEventTypes) {
    source.addEventListener(type, (message: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        return; // A garbled event is dropped; the next snapshot puts things right.
      }
      handler({ type, data } as KioskEvent);
    });
  }
  return () => source.close();
}
