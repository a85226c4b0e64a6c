// «Мои показания»: what the billing centre has accepted from this account (the last accepted
// reading of each meter, this month's submissions) and what this terminal still holds for it.
// Loaded once when the screen opens, and again on «Повторить» after a failure.
import { formatReading } from '../../src-main/features/readings/reading-checks';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type ReadingsHistory = KioskOutput<'readings.history'>;
export type HistoryMeter = ReadingsHistory['meters'][number];
export type HistoryReading = ReadingsHistory['accepted'][number]['readings'][number];

/** A reading with its meter's precision and unit: `416,260 м³`, `12,5000 Гкал`. */
export function readingWithUnit(reading: Pick<HistoryReading, 'value' | 'fractionDigits' | 'unit'>): string {
  return `${formatReading(reading.value, reading.fractionDigits)} ${reading.unit}`;
}

export class ReadingsHistoryState {
  history = $state.raw<ReadingsHistory | null>(null);
  loadError = $state<KioskError | null>(null);

  /** No meters and nothing sent: the account is billed by the norm, and there is nothing to list. */
  readonly nothingToShow = $derived(
    this.history !== null && this.history.meters.length === 0 && this.history.accepted.length === 0 && this.history.waiting.length === 0,
  );
  /** The submission this month's bill uses: the newest the billing centre accepted. */
  readonly counting = $derived(this.history?.accepted[0] ?? null);

  async load(): Promise<void> {
    this.loadError = null;
    const result = await kioskApp.track(callKiosk('readings.history', {}));
    if (result.ok) this.history = result.value;
    else this.loadError = result.error;
  }
}
