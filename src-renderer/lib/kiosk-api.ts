// The renderer's one client of the kiosk API. It does not know its transport: in Electron the
// preload's `kioskBridge` carries calls over IPC; in browser mode they go to the loopback server
// with the per-launch token from the URL fragment.
import type { KioskError, KioskResult } from '../../src-main/core/api/contract';
import type { KioskInput, KioskMethodName, KioskOutput } from '../../src-main/core/api/methods';

export type { KioskError, KioskResult };

interface KioskBridge {
  call(method: string, input: unknown): Promise<KioskResult<unknown>>;
}

declare global {
  interface Window {
    kioskBridge?: KioskBridge;
  }
}

const TRANSPORT_FAILURE: KioskError = {
  code: 'internal',
  message: 'Терминал временно не отвечает. Подождите немного и попробуйте ещё раз или обратитесь к сотруднику офиса.',
};

function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

async function callOverHttp(method: string, input: unknown): Promise<KioskResult<unknown>> {
  try {
    const response = await fetch(`api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': tokenFromLocation() },
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
