// A stand-in for the preload's `window.kioskBridge` in the renderer's unit tests: each kiosk API
// method gets its canned answer (an internal failure for any other), and every call is recorded.
import { vi } from 'vitest';
import type { KioskResult } from '../../src-renderer/lib/kiosk-api';

export interface KioskCall {
  method: string;
  input: unknown;
}

/** Answers kiosk API calls by method, as the preload's bridge would; returns the calls seen (undone by `vi.unstubAllGlobals()`). */
export function bridgeAnswering(answers: Record<string, KioskResult<unknown>>): KioskCall[] {
  const calls: KioskCall[] = [];
  vi.stubGlobal('window', {
    kioskBridge: {
      call: (method: string, input: unknown) => {
        calls.push({ method, input });
        return Promise.resolve(answers[method] ?? { ok: false, error: { code: 'internal', message: { key: 'errors.internal' } } });
      },
    },
  });
  return calls;
}
