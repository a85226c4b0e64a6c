// State of one printable document on a screen: its preview (the same lines the printer gets),
// printing it, and printing it again once staff have fixed the printer.
import type { KioskInput, KioskOutput } from '../../src-main/features/kiosk-methods';
import { callKiosk, type KioskError } from '../lib/kiosk-api';
import { kioskApp } from '../state/kiosk-app.svelte';

export type PrintableDocument = KioskInput<'print.document'>['document'];
type PrintOutcome = KioskOutput<'print.document'>;

export class PrintReceiptState {
  preview = $state<KioskOutput<'print.preview'> | null>(null);
  outcome = $state<PrintOutcome | null>(null);
  error = $state<KioskError | null>(null);
  printing = $state(false);

  async open(document: PrintableDocument): Promise<void> {
    this.error = null;
    this.outcome = null;
    const result = await kioskApp.track(callKiosk('print.preview', { document }));
    if (result.ok) this.preview = result.value;
    else this.error = result.error;
  }

  close(): void {
    this.preview = null;
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
