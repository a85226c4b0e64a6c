// State of one printable document on a screen: its preview (the same lines the printer gets, and
// their length on paper), printing it or its compact form, and printing it again once the printer
// is fixed.
import type { KioskInput, KioskOutput } from '../../src-main/features/kiosk-methods';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type PrintableDocument = KioskInput<'print.document'>['document'];
type PrintOutcome = KioskOutput<'print.document'>;

/** A receipt longer than this many lines is long enough to offer its compact form, if it has one. */
export const LONG_RECEIPT_LINES = 60;

export class PrintReceiptState {
  preview = $state<KioskOutput<'print.preview'> | null>(null);
  outcome = $state<PrintOutcome | null>(null);
  error = $state<KioskError | null>(null);
  printing = $state(false);
  /** The document previewed (and printed): the one the screen offers, or its compact form. */
  document = $state.raw<PrintableDocument | null>(null);
  /** Whether the compact form has replaced the document offered. */
  compactShown = $state(false);
  /** How long the previewed receipt is on paper, in metres. */
  readonly paperMetres = $derived(this.preview ? this.preview.paperMm / 1000 : 0);

  async open(document: PrintableDocument): Promise<void> {
    this.error = null;
    this.outcome = null;
    const result = await kioskApp.track(callKiosk('print.preview', { document }));
    if (result.ok) {
      this.preview = result.value;
      this.document = document;
    } else this.error = result.error;
  }

  /** Switches to the compact form and prints it; the preview shows what came out. */
  async printCompact(compact: PrintableDocument): Promise<void> {
    await this.open(compact);
    if (this.document !== compact) return;
    this.compactShown = true;
    await this.print(compact);
  }

  close(): void {
    this.preview = null;
    this.document = null;
    this.compactShown = false;
    this.outcome = null;
    this.error = null;
  }

  async print(document: PrintableDocument): Promise<void> {
    if (this.printing) return;
    this.printing = true;
    this.error = null;
    try {
      // A failed job is retried as the same journal entry's reprint, so staff see one story.
      const previous = this.outcome && this.outcome.status !== 'printed' ? this.outcome.jobId : null;
      const result = await kioskApp.track(
        previous === null ? callKiosk('print.document', { document }) : callKiosk('print.retry', { jobId: previous }),
      );
      if (result.ok) this.outcome = result.value;
      else this.error = result.error;
    } finally {
      this.printing = false;
    }
  }
}
