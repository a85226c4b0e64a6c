// The readings screen's state: the account's meters, what the customer typed per meter on the
// keypad (with a decimal comma), the consumption each reading gives, the confirmation dialog
// (high consumption, correction), and the confirmation with its registration number. The checks
// the core makes run here on the meters it sent (the consumption, the high-consumption question),
// so the screen asks the core only for the meters and the submission; the core repeats the checks
// on submission and decides.
import { checkReading, type ReadingProblemKind } from '../../src-main/features/readings/reading-checks';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import type { MessageKey } from '../../src-main/core/messages/messages';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type MetersData = KioskOutput<'readings.meters'>;
export type Meter = MetersData['meters'][number];
export type Confirmation = KioskOutput<'readings.submit'>;

/** What the screen shows under one meter's field after «Рассчитать расход» (or «Передать показания»). */
export interface LineResult {
  value: number | null;
  consumption: number | null;
  problem: ReadingProblemKind | null;
  high: { ratio: number } | null;
}

/** What the Да / Нет dialog asks about before anything is sent. */
export interface PendingConfirmation {
  high: Array<{ meter: Meter; consumption: number; ratio: number }>;
  corrects: string | null;
}

/** The longest text a reading field takes (9 whole digits, comma, 3 decimals and a little slack). */
const MAX_TYPED_LENGTH = 14;

export class ReadingsForm {
  data = $state.raw<MetersData | null>(null);
  loadError = $state<KioskError | null>(null);
  loading = $state(false);
  /** What the customer typed per meter id, as shown («123,456»). */
  values = $state<Record<string, string>>({});
  activeMeterId = $state<string | null>(null);
  results = $state<Record<string, LineResult>>({});
  /** A refusal of the core or the billing centre. */
  error = $state<KioskError | null>(null);
  /** A problem the screen found by itself. */
  notice = $state<MessageKey | null>(null);
  busy = $state(false);
  dialog = $state<PendingConfirmation | null>(null);
  confirmation = $state<Confirmation | null>(null);
  /** The registration number being corrected, while the customer enters the corrected readings. */
  correcting = $state<string | null>(null);

  readonly meters = $derived(this.data?.meters ?? []);
  readonly activeMeter = $derived(this.meters.find((meter) => meter.meterId === this.activeMeterId) ?? null);
  readonly latestSubmission = $derived(this.data?.submissions[0] ?? null);

  async load(): Promise<void> {
    this.loading = true;
    try {
      const result = await kioskApp.track(callKiosk('readings.meters', {}));
      if (!result.ok) {
        this.loadError = result.error;
        return;
      }
      this.loadError = null;
      this.show(result.value);
    } finally {
      this.loading = false;
    }
  }

  /** The meters as the core last gave them (on opening, or with a submission's confirmation). */
  private show(data: MetersData): void {
    this.data = data;
    if (!this.activeMeter?.acceptsReadings) this.activeMeterId = data.meters.find((meter) => meter.acceptsReadings)?.meterId ?? null;
  }

  select(meter: Meter): void {
    if (meter.acceptsReadings) this.activeMeterId = meter.meterId;
  }

  /** A key of the numeric keypad (digits, 'backspace', 'clear') or the decimal comma ','. */
  pressKey(key: string): void {
    const meter = this.activeMeter;
    if (!meter || !meter.acceptsReadings || this.busy) return;
    const current = this.values[meter.meterId] ?? '';
    let next = current;
    if (key === 'backspace') next = current.slice(0, -1);
    else if (key === 'clear') next = '';
    else if (key === ',') {
      if (meter.fractionDigits > 0 && !current.includes(',')) next = current === '' ? '0,' : `${current},`;
    } else if (/^\d$/.test(key) && current.length < MAX_TYPED_LENGTH) next = current + key;
    if (next === current) return;
    this.values[meter.meterId] = next;
    delete this.results[meter.meterId];
    this.error = null;
    this.notice = null;
  }

  /** Too many digits shows while typing; the other checks wait for «Рассчитать расход». */
  liveProblem(meter: Meter): ReadingProblemKind | null {
    const text = this.values[meter.meterId] ?? '';
    if (text === '' || text.endsWith(',')) return null;
    const check = checkReading(this.forCheck(meter), text, this.data?.today ?? '');
    return check.problems[0]?.kind === 'too-many-digits' ? 'too-many-digits' : null;
  }

  private entered(): Array<{ meter: Meter; text: string }> {
    return this.meters
      .filter((meter) => meter.acceptsReadings && (this.values[meter.meterId] ?? '') !== '')
      .map((meter) => ({ meter, text: this.values[meter.meterId] as string }));
  }

  private forCheck(meter: Meter) {
    return {
      meterId: meter.meterId,
      maxDigits: meter.integerDigits,
      decimals: meter.fractionDigits,
      previousValue: meter.lastReading?.value ?? null,
      averageMonthlyConsumption: meter.averageMonthlyConsumption,
      verificationDueOn: meter.verificationDueOn,
    };
  }

  /**
   * «Рассчитать расход»: the checks of `reading-checks.ts` on the meters the core sent, the same the
   * core makes (nothing is asked of it). True when every entered reading is acceptable.
   */
  calculate(): boolean {
    if (this.busy || !this.data) return false;
    this.error = null;
    this.notice = null;
    const entered = this.entered();
    if (entered.length === 0) {
      this.notice = 'readings.noneEntered';
      return false;
    }
    const results: Record<string, LineResult> = {};
    let acceptable = true;
    for (const { meter, text } of entered) {
      const check = checkReading(this.forCheck(meter), text, this.data.today);
      const problem = check.problems[0]?.kind ?? null;
      acceptable &&= problem === null;
      results[meter.meterId] = {
        value: check.value,
        consumption: check.consumption,
        problem,
        high: check.highConsumption ? { ratio: check.highConsumption.ratio } : null,
      };
    }
    this.results = results;
    return acceptable;
  }

  /** «Передать показания»: calculate, then ask (high consumption, correction) or send. */
  async requestSubmit(): Promise<void> {
    if (!this.calculate()) return;
    const high = this.entered().flatMap(({ meter }) => {
      const line = this.results[meter.meterId];
      return line?.high && line.consumption !== null ? [{ meter, consumption: line.consumption, ratio: line.high.ratio }] : [];
    });
    if (high.length > 0 || this.correcting) {
      this.dialog = { high, corrects: this.correcting };
      return;
    }
    await this.send(false);
  }

  /** «Да» in the dialog. */
  async confirmDialog(): Promise<void> {
    const dialog = this.dialog;
    if (!dialog) return;
    this.dialog = null;
    await this.send(dialog.high.length > 0);
  }

  /** «Нет» in the dialog: nothing is sent, the typed readings stay. */
  cancelDialog(): void {
    this.dialog = null;
  }

  private async send(confirmHighConsumption: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const result = await kioskApp.track(
        callKiosk('readings.submit', {
          readings: this.entered().map(({ meter, text }) => ({ meterId: meter.meterId, value: text })),
          ...(confirmHighConsumption ? { confirmHighConsumption: true } : {}),
          ...(this.correcting ? { correctsRegistrationNumber: this.correcting } : {}),
        }),
      );
      if (!result.ok) {
        this.error = result.error;
        return;
      }
      // The home summary stays as it is: what is due and paid comes from the issued bill, which
      // readings do not change (they count for the month's calculation at its close).
      this.show(result.value.updatedMeters);
      this.confirmation = result.value;
      this.correcting = null;
      this.values = {};
      this.results = {};
    } finally {
      this.busy = false;
    }
  }

  /** «Исправить»: enter new values for this month's submission, prefilled with what was sent. */
  startCorrection(registrationNumber: string): void {
    const submission = this.data?.submissions.find((earlier) => earlier.registrationNumber === registrationNumber);
    this.correcting = registrationNumber;
    this.confirmation = null;
    this.error = null;
    this.notice = null;
    this.results = {};
    const values: Record<string, string> = {};
    for (const reading of submission?.readings ?? []) {
      const meter = this.meters.find((candidate) => candidate.meterId === reading.meterId);
      if (meter?.acceptsReadings) values[meter.meterId] = reading.value.toFixed(meter.fractionDigits).replace('.', ',');
    }
    this.values = values;
    const first = this.meters.find((meter) => meter.meterId in values) ?? this.meters.find((meter) => meter.acceptsReadings);
    this.activeMeterId = first?.meterId ?? null;
  }

  cancelCorrection(): void {
    this.correcting = null;
    this.values = {};
    this.results = {};
    this.error = null;
    this.notice = null;
  }
}
