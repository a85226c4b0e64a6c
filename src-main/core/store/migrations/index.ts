// Numbered schema migrations, applied in order; one file per change, never edited once released.
import type Database from 'better-sqlite3';
import { migration001Initial } from './001-initial';
import { migration002Outbox } from './002-outbox';
import { migration003Staff } from './003-staff';
import { migration004PrintJournal } from './004-print-journal';
import { migration005SubmissionKinds } from './005-submission-kinds';
import { migration006BillAndSmsAttempts } from './006-bill-and-sms-attempts';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const kioskMigrations: readonly Migration[] = [
  migration001Initial,
  migration002Outbox,
  migration003Staff,
  migration004PrintJournal,
  migration005SubmissionKinds,
  migration006BillAndSmsAttempts,
];
