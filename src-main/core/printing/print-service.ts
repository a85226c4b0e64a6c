// Prints receipts and keeps the print journal. Printer trouble is normal, not an error: every job
// is journaled first; if the printer cannot print, the customer gets a clear message that says what
// did and did not happen for that document, and the job waits in the journal for staff to reprint.
// A reprint of a receipt that has already come out is marked as a copy; a retry of one that never
// came out is not (it is the first paper there is). Paper near end is noted for staff only.
import type { KioskDatabase } from '../store/database';
import type { Logger } from '../logging/logger';
import { message, type Message } from '../messages/messages';
import { copyOfReceipt } from './document-parts';
import { encodeReceipt, type CodePage, type CommandSet } from './escpos-encoder';
import type { PrinterState, PrinterStatus, PrinterTransport } from './printer-transport';
import { layoutReceipt, paperLengthMm, receiptText, type Receipt, type ReceiptKind } from './receipt';

export interface PrintSettings {
  commandSet: CommandSet;
  codePage: CodePage;
  columns: number;
}

export type PrintJobStatus = 'printing' | 'printed' | 'failed' | 'not-confirmed';

export interface PrintOutcome {
  jobId: number;
  status: PrintJobStatus;
  printerState: PrinterState;
  /** What the customer reads when the receipt did not come out (or may not have). */
  message: Message | null;
}

export interface PrintJobRow {
  id: number;
  kind: ReceiptKind;
  accountNumber: string | null;
  status: PrintJobStatus;
  printerState: string | null;
  attempts: number;
  createdAt: number;
  finishedAt: number | null;
  reprintOf: number | null;
  /** False once the receipt's personal content has been wiped by retention. */
  reprintable: boolean;
}

/** The printer's trouble as the catalog's `print.problems.failed` chooses its sentence (ICU selectors take no hyphens). */
const FAILED_STATES: Record<PrinterState, string> = {
  ready: 'unknown',
  'paper-out': 'paperOut',
  'cover-open': 'coverOpen',
  offline: 'offline',
  'not-responding': 'notResponding',
  unknown: 'unknown',
};

/** The document as `print.problems.failed` chooses what it says did and did not happen. */
const FAILED_DOCUMENTS: Record<ReceiptKind, string> = {
  'payment-slip': 'paymentSlip',
  'readings-confirmation': 'readingsConfirmation',
  statement: 'statement',
  'appeal-ticket': 'appealTicket',
  'test-page': 'testPage',
  'training-bill': 'trainingBill',
};

const failed = (state: PrinterState, kind: ReceiptKind): Message =>
  message('print.problems.failed', { state: FAILED_STATES[state], document: FAILED_DOCUMENTS[kind] });

export class PrintService {
  private lastStatus: PrinterStatus | null = null;

  constructor(
    private readonly db: KioskDatabase,
    private readonly transport: PrinterTransport,
    private readonly settings: PrintSettings,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  get printerDescription(): string {
    return this.transport.description;
  }

  /** What the receipt will look like, line by line, on this printer's paper, and how long it is. */
  preview(receipt: Receipt): { columns: number; lines: string[]; qrPayloads: string[]; paperMm: number } {
    const lines = layoutReceipt(receipt, this.settings.columns, this.settings.codePage);
    return {
      columns: this.settings.columns,
      lines: receiptText(lines, this.settings.columns),
      qrPayloads: lines.flatMap((line) => (line.kind === 'qr' ? [line.payload] : [])),
      paperMm: Math.round(paperLengthMm(lines)),
    };
  }

  print(receipt: Receipt, owner: { accountNumber: string | null; sessionId: string | null }): Promise<PrintOutcome> {
    return this.journalAndSend(receipt, receipt, owner, null);
  }

  /**
   * Journals `receipt` and sends `paper` (the receipt itself, or its copy): the journal keeps the
   * receipt unmarked, so a copy of a copy says «КОПИЯ» once, with the original's time.
   */
  private async journalAndSend(
    receipt: Receipt,
    paper: Receipt,
    owner: { accountNumber: string | null; sessionId: string | null },
    reprintOf: number | null,
  ): Promise<PrintOutcome> {
    // Journal first: even if the kiosk dies mid-job, the job is on record.
    const jobId = Number(
      this.db
        .prepare(
          `INSERT INTO print_job (kind, account_number, session_id, receipt_json, status, attempts, created_at, reprint_of)
           VALUES (?, ?, ?, ?, 'printing', 1, ?, ?)`,
        )
        .run(receipt.kind, owner.accountNumber, owner.sessionId, JSON.stringify(receipt), this.clock(), reprintOf).lastInsertRowid,
    );
    const bytes = encodeReceipt(layoutReceipt(paper, this.settings.columns, this.settings.codePage), this.settings);
    let outcome: PrintOutcome;
    try {
      const sent = await this.transport.send(bytes, `${String(jobId).padStart(6, '0')}-${receipt.kind}`);
      if (!sent.sent) {
        this.noteStatus(sent.status);
        outcome = {
          jobId,
          status: 'failed',
          printerState: sent.status.state,
          message: failed(sent.status.state, receipt.kind),
        };
      } else if (!sent.confirmed) {
        outcome = {
          jobId,
          status: 'not-confirmed',
          printerState: 'not-responding',
          message: message('print.problems.notConfirmed'),
        };
      } else {
        outcome = { jobId, status: 'printed', printerState: 'ready', message: null };
      }
    } catch (error) {
      this.logger.warn('print failed', { jobId, error });
      outcome = { jobId, status: 'failed', printerState: 'unknown', message: failed('not-responding', receipt.kind) };
    }
    this.db
      .prepare('UPDATE print_job SET status = ?, printer_state = ?, finished_at = ? WHERE id = ?')
      .run(outcome.status, outcome.printerState, this.clock(), jobId);
    if (outcome.status !== 'printed') this.logger.warn('receipt not printed', { jobId, kind: receipt.kind, state: outcome.printerState });
    return outcome;
  }

  /**
   * Prints a journaled receipt again (a new journal row that points at the one asked for). If this
   * receipt has already come out — the job itself or any earlier or later print of it — the paper
   * says it is a copy, with the time the first one came out; otherwise (a retry after paper out)
   * it is the original.
   */
  async reprint(jobId: number): Promise<PrintOutcome | null> {
    const row = this.db
      .prepare<[number], { receipt_json: string | null; account_number: string | null; session_id: string | null }>(
        'SELECT receipt_json, account_number, session_id FROM print_job WHERE id = ?',
      )
      .get(jobId);
    if (!row?.receipt_json) return null;
    const receipt = JSON.parse(row.receipt_json) as Receipt;
    const firstPrintedAt = this.firstPrintedAt(jobId);
    const paper = firstPrintedAt === null ? receipt : copyOfReceipt(receipt, firstPrintedAt, this.clock());
    return this.journalAndSend(receipt, paper, { accountNumber: row.account_number, sessionId: row.session_id }, jobId);
  }

  /**
   * When the receipt of `jobId` first came out of the printer, over all its prints (the first job
   * and every reprint, which point back along `reprint_of`), or null if it never did. Only a
   * confirmed print counts: a job the printer did not confirm may not have come out.
   */
  private firstPrintedAt(jobId: number): number | null {
    const row = this.db
      .prepare<[number], { first: number | null }>(
        `WITH RECURSIVE
           origin(id, reprint_of) AS (
             SELECT id, reprint_of FROM print_job WHERE id = ?
             UNION SELECT job.id, job.reprint_of FROM print_job job JOIN origin ON job.id = origin.reprint_of
           ),
           prints(id) AS (
             SELECT id FROM origin WHERE reprint_of IS NULL
             UNION SELECT job.id FROM print_job job JOIN prints ON job.reprint_of = prints.id
           )
         SELECT MIN(finished_at) AS first FROM print_job WHERE id IN (SELECT id FROM prints) AND status = 'printed'`,
      )
      .get(jobId);
    return row?.first ?? null;
  }

  async status(): Promise<PrinterStatus> {
    const status = await this.transport.status();
    this.noteStatus(status);
    return status;
  }

  // --- change listeners (kiosk events, core/events/core-events.ts) ---
  private readonly statusListeners = new Set<(status: PrinterStatus) => void>();

  /** Told when the printer's state or paper-near-end changes; returns the function that unsubscribes. */
  onChange(listener: (status: PrinterStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  private noteStatus(status: PrinterStatus): void {
    const previous = this.lastStatus;
    this.lastStatus = status;
    if (previous?.state === status.state && previous.paperNearEnd === status.paperNearEnd) return;
    for (const listener of [...this.statusListeners]) listener(status);
  }
  // --- end of change listeners ---

  /** The last status seen (for the heartbeat and the staff screen) without asking the printer again. */
  get lastKnownStatus(): PrinterStatus | null {
    return this.lastStatus;
  }

  journal(limit = 50): PrintJobRow[] {
    return this.db
      .prepare<
        [number],
        {
          id: number;
          kind: ReceiptKind;
          account_number: string | null;
          status: PrintJobStatus;
          printer_state: string | null;
          attempts: number;
          created_at: number;
          finished_at: number | null;
          reprint_of: number | null;
          receipt_json: string | null;
        }
      >('SELECT * FROM print_job ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        accountNumber: row.account_number,
        status: row.status,
        printerState: row.printer_state,
        attempts: row.attempts,
        createdAt: row.created_at,
        finishedAt: row.finished_at,
        reprintOf: row.reprint_of,
        reprintable: row.receipt_json !== null,
      }));
  }

  /** Retention: receipts of finished jobs older than `retentionMs` lose their content (no more reprints). */
  wipeFinishedOlderThan(retentionMs: number): number {
    return this.db
      .prepare(
        `UPDATE print_job SET receipt_json = NULL, receipt_wiped_at = ?
         WHERE receipt_json IS NOT NULL AND status <> 'printing' AND created_at < ?`,
      )
      .run(this.clock(), this.clock() - retentionMs).changes;
  }

  /**
   * Privacy at logout: the customer's receipts that did not print are dropped from the queue of
   * reprints (the journal keeps the row, without content), so the next customer cannot get them.
   */
  forgetUnprintedOfSession(sessionId: string): number {
    return this.db
      .prepare(
        `UPDATE print_job SET receipt_json = NULL, receipt_wiped_at = ? WHERE session_id = ? AND status <> 'printed' AND receipt_json IS NOT NULL`,
      )
      .run(this.clock(), sessionId).changes;
  }

  /** Whether a journaled job was printed for this customer visit (a customer may reprint only their own). */
  belongsToSession(jobId: number, sessionId: string): boolean {
    return (
      this.db
        .prepare<[number, string], { id: number }>('SELECT id FROM print_job WHERE id = ? AND session_id = ?')
        .get(jobId, sessionId) !== undefined
    );
  }
}
