import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskError, KioskResult } from '../lib/kiosk-api';
import { ReadingsHistoryState, readingWithUnit, type ReadingsHistory } from './readings-history-state.svelte';

const hotWater = { serialNumber: 'ВСГ-1', unit: 'м³', fractionDigits: 3 } as const;
const heating = { serialNumber: 'ТЭМ-7', unit: 'Гкал', fractionDigits: 4 } as const;

const HISTORY: ReadingsHistory = {
  meters: [
    { ...hotWater, service: 'hot-water', lastAccepted: { value: 416.26, takenOn: '2026-11-05' } },
    { ...heating, service: 'heating', lastAccepted: null },
  ],
  accepted: [
    { registrationNumber: 'R-2', acceptedAt: '2026-11-20T05:05:00Z', readings: [{ ...hotWater, value: 416.26 }] },
    { registrationNumber: 'R-1', acceptedAt: '2026-11-19T05:05:00Z', readings: [{ ...hotWater, value: 415 }] },
  ],
  waiting: [],
};

/** Answers every kiosk API call with `result`, as the preload's bridge would; returns the calls seen. */
function bridgeAnswering(result: KioskResult<unknown>): Array<{ method: string; input: unknown }> {
  const calls: Array<{ method: string; input: unknown }> = [];
  vi.stubGlobal('window', {
    kioskBridge: {
      call: (method: string, input: unknown) => {
        calls.push({ method, input });
        return Promise.resolve(result);
      },
    },
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('readings with their unit', () => {
  it('keeps the meter’s precision, so a reading reads as on the meter', () => {
    expect(readingWithUnit({ ...hotWater, value: 416.26 })).toBe('416,260 м³');
    expect(readingWithUnit({ ...heating, value: 12.5 })).toBe('12,5000 Гкал');
    expect(readingWithUnit({ unit: 'м³', fractionDigits: 0, value: 7 })).toBe('7 м³');
  });
});

describe('ReadingsHistoryState', () => {
  it('loads the history once asked, and names the newest accepted submission as the one the bill uses', async () => {
    const calls = bridgeAnswering({ ok: true, value: HISTORY });
    const state = new ReadingsHistoryState();
    expect(state.history).toBeNull();
    expect(state.counting).toBeNull();
    await state.load();
    expect(calls).toEqual([{ method: 'readings.history', input: {} }]);
    expect(state.history).toEqual(HISTORY);
    expect(state.loadError).toBeNull();
    expect(state.counting?.registrationNumber).toBe('R-2');
    expect(state.nothingToShow).toBe(false);
  });

  it('has nothing to show for an account without meters and without readings', async () => {
    bridgeAnswering({ ok: true, value: { meters: [], accepted: [], waiting: [] } });
    const state = new ReadingsHistoryState();
    expect(state.nothingToShow).toBe(false);
    await state.load();
    expect(state.nothingToShow).toBe(true);
    expect(state.counting).toBeNull();
  });

  it('keeps a refusal (the billing centre down) for the screen, and a retry that succeeds clears it', async () => {
    const refusal: KioskError = { code: 'billing-unavailable', message: { key: 'errors.billing-unavailable' } };
    bridgeAnswering({ ok: false, error: refusal });
    const state = new ReadingsHistoryState();
    await state.load();
    expect(state.loadError).toEqual(refusal);
    expect(state.history).toBeNull();

    bridgeAnswering({ ok: true, value: HISTORY });
    await state.load();
    expect(state.loadError).toBeNull();
    expect(state.history?.accepted).toHaveLength(2);
  });
});
