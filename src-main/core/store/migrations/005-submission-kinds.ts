// Submission kinds become a lookup table: a submission or outbox row of a kind that is not listed
// is refused by the database itself, so a misspelt kind can never be written and then never sent.
// The core lists the kinds its features declare at start; the four of the first release are seeded.
import type { Migration } from './index';

export const migration005SubmissionKinds: Migration = {
  version: 5,
  name: 'submission-kinds',
  up(db) {
    db.exec(`
      CREATE TABLE submission_kind (name TEXT PRIMARY KEY) WITHOUT ROWID, STRICT;
      INSERT INTO submission_kind (name) VALUES ('readings'), ('appeal'), ('profile'), ('password-change');
      -- Rows written before this migration by an older release are of these kinds only.
      INSERT OR IGNORE INTO submission_kind (name) SELECT DISTINCT kind FROM submission;
      CREATE TRIGGER submission_kind_listed BEFORE INSERT ON submission
        WHEN NOT EXISTS (SELECT 1 FROM submission_kind WHERE name = NEW.kind)
        BEGIN SELECT RAISE(ABORT, 'unknown submission kind'); END;
      CREATE TRIGGER outbox_message_kind_listed BEFORE INSERT ON outbox_message
        WHEN NOT EXISTS (SELECT 1 FROM submission_kind WHERE name = NEW.kind)
        BEGIN SELECT RAISE(ABORT, 'unknown submission kind'); END;
    `);
  },
};
