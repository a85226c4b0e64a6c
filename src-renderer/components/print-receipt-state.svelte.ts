// State of one printable document on a screen: printing it at one tap (or its compact form), what
// came out (the same lines the printer got, shown on the screen), and printing it again once the
// printer is fixed. A document with a compact form is measured beforehand, so the screen can say how
// much paper it takes and offer the short form before anything is printed.
import type { KioskInput, KioskOutput } from '../../src-main/features/kiosk-methods';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type PrintableDocument = KioskInput<'print.document'>['document'];
type PrintOutcome = KioskOutput<'print.document'>;
type Preview = KioskOutput<'print.preview'>;

/** A receipt longer than this many lines is long enough to offer its compact form, if it has one. */
export const LONG_RECEIPT_LINES = 60;

export class PrintReceiptState {
  /** The dialog with what is being printed is open. */
  shown = $state(false);
  /** The lines of the document printed, as the printer gets them. */
  preview = $state.raw<Preview | null>(null);
  outcome = $state.raw<PrintOutcome | null>(null);
  error = $state<KioskError | null>(null);
  printing = $state(false);
  /** The document printed: the one the screen offers, or its compact form. */
  document = $state.raw<PrintableDocument | null>(null);
  /** How long the full document is, measured before printing (documents with a compact form). */
  length = $state<{ lines: number; metres: number } | null>(null);
  /** The measured document is long enough to offer its compact form. */
  readonly long = $derived((this.length?.lines ?? 0) > LONG_RECEIPT_LINES);
  readonly failed = $derived(this.outcome !== null && this.outcome.status !== 'printed');

  /** Measures the document without printing it; nothing is shown if that fails (printing still works). */
  async measure(document: PrintableDocument): Promise<void> {
    const result = await callKiosk('print.preview', { document });
    // At least 0.1 m: a short slip is not «0,0 м».
    this.length = result.ok ? { lines: result.value.lines.length, metres: Math.max(0.1, result.value.paperMm / 1000) } : null;
  }

  /** Prints at once and opens the dialog: what is printed, and whether it came out. */
  async print(document: PrintableDocument): Promise<void> {
    if (this.printing) return;
    this.shown = true;
    this.document = document;
    this.preview = null;
    this.outcome = null;
    this.error = null;
    this.printing = true;
    try {
      const [preview, outcome] = await Promise.all([
        kioskApp.track(callKiosk('print.preview', { document })),
        kioskApp.track(callKiosk('print.document', { document })),
      ]);
      if (preview.ok) this.preview = preview.value;
      if (outcome.ok) this.outcome = outcome.value;
      else this.error = outcome.error;
    } finally {
      this.printing = false;
    }
  }

  /** The failed job again, as the same journal entry's reprint, so staff see one story. */
  async retry(): Promise<void> {
    if (this.printing || !this.outcome || !this.failed) return;
    this.printing = true;
    this.error = null;
    try {
      const result = await kioskApp.track(callKiosk('print.retry', { jobId: this.outcome.jobId }));
      if (result.ok) this.outcome = result.value;
      else this.error = result.error;
    } finally {
      this.printing = false;
    }
  }

  close(): void {
    this.shown = false;
    this.preview = null;
    this.document = null;
    this.outcome = null;
    this.error = null;
  }
}
