// The reference billing server: the billing API of `resources/billing-api.openapi.yaml` over real
// HTTP with its own SQLite database and deterministic demo data. Tests start it as a real server;
// the kiosk starts it in-process in training mode. It honours idempotency keys the way the IETF
// idempotency-key draft and Stripe describe: same key and body → the first answer again; same
// key, other body → 422; a write without a key → 400; keys are kept 48 hours. Besides the password
// there are two ways in for a customer with only the paper bill: the bill's code opens a narrow
// bill session, and a one-time SMS code to the phone on file opens a full one.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  appealRequestSchema,
  assistedSessionRequestSchema,
  billSessionRequestSchema,
  heartbeatSchema,
  loginRequestSchema,
  passwordChangeSchema,
  passwordResetRequestSchema,
  profileUpdateSchema,
  readingsRequestSchema,
  registrationRequestSchema,
  smsCodeRequestSchema,
  smsLoginRequestSchema,
  type Appeal,
  type MetersResponse,
  type Payee,
  type Profile,
  type ReadingWindow,
} from '../core/billing/billing-wire';
import { monthsBetween, periodOf, ufaDate } from '../core/time/calendar';
import { openBillingDatabase, readMeta, writeMeta, type BillingDatabase } from './billing-database';
import { BillingLedger } from './billing-ledger';
import { captchaSvg } from './captcha-picture';
import { generateDemoData } from './demo-data';
import { maskAddress, maskPhone, shortHolderName } from './holder-masking';
import { hashPassword, verifyPassword } from './password-hash';
import { APPEAL_TOPICS, CONSENT, DEMO_PAYEE, referenceData } from './reference-content';
import { referenceFaq } from './reference-faq';
import { canReceiveSms, sendTrainingSms } from './training-sms';

export interface ReferenceBillingServerOptions {
  dbFile: string;
  host?: string;
  port?: number;
  /** Terminal id → key. Without it any terminal may connect with the key `training`. */
  terminalKeys?: Record<string, string>;
  now?: () => number;
  /** Days of the month when readings are accepted; training default: every day. */
  readingWindow?: ReadingWindow;
  sessionTtlMinutes?: number;
  /** The payee on invoices and in the reference data; the demo payee unless a test needs bad requisites. */
  payee?: Payee;
}

export interface ReferenceBillingServer {
  url: string;
  db: BillingDatabase;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const IDEMPOTENCY_KEEP_MS = 48 * 60 * 60 * 1000;
const LOGIN_FAILURE_LIMIT = 10;
const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
const CAPTCHA_TTL_MS = 10 * 60 * 1000;
// A bill code has only 10,000 values, so wrong ones are limited per account and per terminal.
const BILL_CODE_FAILURES_PER_ACCOUNT = 5;
const BILL_CODE_FAILURES_PER_TERMINAL = 20;
const BILL_CODE_FAILURE_WINDOW_MS = 15 * 60 * 1000;
const SMS_CODE_TTL_MS = 5 * 60 * 1000;
const SMS_RESEND_AFTER_MS = 60 * 1000;
const SMS_CODE_ATTEMPTS = 3;
const CAPTCHA_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE_PATTERN = /^\+7\d{10}$/;

/** A refusal with an HTTP status and the billing centre's machine code and Russian text. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Machine-readable detail the Error body may carry besides code and message. */
    readonly detail: { attemptsLeft?: number } = {},
  ) {
    super(message);
  }

  get body(): { code: string; message: string; attemptsLeft?: number } {
    return { code: this.code, message: this.message, ...this.detail };
  }
}

type SessionScope = 'customer' | 'bill';

interface RequestContext {
  terminalId: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

interface Answer {
  status: number;
  body?: unknown;
}

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path, e.g. `/api/v1/accounts/{accountNumber}/readings`. */
  path: string;
  /** Writes need an Idempotency-Key and are answered from the record when replayed. */
  idempotent: boolean;
  /**
   * What a bill session's token may do here, when a request carries one: `allowed` (the bill, its
   * meters and readings, of the bill's own account only) or `refused`. Routes without it never look.
   */
  billSession?: 'allowed' | 'refused';
  /**
   * A write's slow checks (a password hash), run before its transaction; a refusal here is a final
   * answer and recorded like one. Writes do their changes in `handle`, which must then be synchronous.
   */
  verify?(context: RequestContext): Promise<void>;
  handle(context: RequestContext): Answer | Promise<Answer>;
}

export async function startReferenceBillingServer(options: ReferenceBillingServerOptions): Promise<ReferenceBillingServer> {
  const now = options.now ?? Date.now;
  const today = () => ufaDate(now());
  const readingWindow = options.readingWindow ?? { fromDay: 1, toDay: 31 };
  const sessionTtlMs = (options.sessionTtlMinutes ?? 30) * 60_000;
  const db = openBillingDatabase(options.dbFile);
  ensureDemoData(db, today());
  const ledger = new BillingLedger(db);
  const payee = options.payee ?? DEMO_PAYEE;
  const routes = createRoutes({ db, ledger, now, today, readingWindow, sessionTtlMs, payee });

  const server = http.createServer((request, response) => {
    void serve(request, response, routes, { db, now, terminalKeys: options.terminalKeys });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          db.close();
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/**
 * Demo data is generated for the month it is first needed; when the calendar moves into a new
 * month the training data is regenerated so that "the last bill" is always last month's.
 */
function ensureDemoData(db: BillingDatabase, today: string): void {
  const generatedFor = readMeta(db, 'demo-data-period');
  if (generatedFor === periodOf(today)) return;
  db.transaction(() => {
    for (const table of [
      'bill_code',
      'bill_code_failure',
      'sms_code',
      'outgoing_sms',
      'meter_reading',
      'reading_submission',
      'meter',
      'payment',
      'penalty',
      'recalculation',
      'charge',
      'session',
      'appeal',
      'outgoing_mail',
      'consent_record',
      'login_failure',
      'account',
    ]) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
  })();
  generateDemoData(db, { today });
  writeMeta(db, 'demo-data-period', periodOf(today));
}

/** The route table, exported so a test can check it against the OpenAPI document. */
export function referenceBillingRouteList(): Array<{ method: string; path: string; idempotent: boolean }> {
  const stub = createRoutes({
    db: null as unknown as BillingDatabase,
    ledger: null as unknown as BillingLedger,
    now: Date.now,
    today: () => '2026-01-01',
    readingWindow: { fromDay: 1, toDay: 31 },
    sessionTtlMs: 0,
    payee: DEMO_PAYEE,
  });
  return stub.map(({ method, path, idempotent }) => ({ method, path, idempotent }));
}

interface RouteDeps {
  db: BillingDatabase;
  ledger: BillingLedger;
  now: () => number;
  today: () => string;
  readingWindow: ReadingWindow;
  sessionTtlMs: number;
  payee: Payee;
}

function createRoutes({ db, ledger, now, today, readingWindow, sessionTtlMs, payee }: RouteDeps): Route[] {
  const sessionAccount = (context: RequestContext): { accountNumber: string; tokenHash: string; scope: SessionScope } => {
    const token = bearerToken(context.headers);
    if (!token) throw new Refusal(401, 'session-required', 'Требуется вход в личный кабинет.');
    const tokenHash = sha256(token);
    const session = db
      .prepare<[string, string], { account_number: string; expires_at: number; scope: SessionScope }>(
        'SELECT account_number, expires_at, scope FROM session WHERE token_hash = ? AND terminal_id = ?',
      )
      .get(tokenHash, context.terminalId);
    if (!session || session.expires_at <= now())
      throw new Refusal(401, 'session-expired', 'Сеанс работы истёк. Войдите в личный кабинет ещё раз.');
    // Sliding expiry: an active customer is not thrown out mid-task.
    db.prepare('UPDATE session SET expires_at = ? WHERE token_hash = ?').run(now() + sessionTtlMs, tokenHash);
    return { accountNumber: session.account_number, tokenHash, scope: session.scope };
  };

  const existingAccount = (accountNumber: string) => {
    const account = db
      .prepare<
        [string],
        {
          account_number: string;
          holder_name: string;
          address: string;
          email: string | null;
          phone: string | null;
          password_hash: string | null;
          activation_code: string;
          paper_bill: number;
          email_bill: number;
        }
      >(
        'SELECT account_number, holder_name, address, email, phone, password_hash, activation_code, paper_bill, email_bill FROM account WHERE account_number = ?',
      )
      .get(accountNumber);
    if (!account) throw new Refusal(404, 'unknown-account', 'Лицевой счёт не найден. Проверьте номер по квитанции.');
    return account;
  };

  const openSession = (accountNumber: string, terminalId: string, assistedBy: string | null, scope: SessionScope = 'customer') => {
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = now() + sessionTtlMs;
    db.prepare(
      'INSERT INTO session (token_hash, account_number, terminal_id, assisted_by, expires_at, scope) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(sha256(token), accountNumber, terminalId, assistedBy, expiresAt, scope);
    db.prepare('DELETE FROM session WHERE expires_at <= ?').run(now());
    return { status: 201, body: { sessionToken: token, expiresAt: new Date(expiresAt).toISOString() } };
  };

  /** Seconds until fewer than `limit` of these failure times (oldest first) are inside the window. */
  const secondsUntilBelow = (failedAt: number[], limit: number, windowMs: number) => {
    const leaving = failedAt[failedAt.length - limit];
    return leaving === undefined ? 0 : Math.max(1, Math.ceil((leaving + windowMs - now()) / 1000));
  };

  const smsCodeHash = (accountNumber: string, code: string) => sha256(`${accountNumber}:${code}`);

  /** Three wrong SMS codes burn the code; a new one may be asked for once the resend pause is over. */
  const smsAttemptsExhausted = (sentAt: number) => {
    const wait = Math.max(0, Math.ceil((sentAt + SMS_RESEND_AFTER_MS - now()) / 1000));
    return new Refusal(
      429,
      'too-many-attempts',
      wait > 0
        ? `Код из SMS трижды введён неверно. Новый код можно запросить через ${wait} с.`
        : 'Код из SMS трижды введён неверно. Запросите новый код.',
      { 'Retry-After': String(wait) },
    );
  };

  const checkCaptcha = (captchaId: string, answer: string) => {
    const captcha = db
      .prepare<[string], { answer: string; expires_at: number }>('SELECT answer, expires_at FROM captcha WHERE captcha_id = ?')
      .get(captchaId);
    // One attempt per picture: a wrong guess burns it, so a captcha cannot be brute-forced.
    db.prepare('DELETE FROM captcha WHERE captcha_id = ? OR expires_at <= ?').run(captchaId, now());
    if (!captcha || captcha.expires_at <= now()) throw new Refusal(422, 'captcha-expired', 'Код с картинки устарел. Введите новый код.');
    if (captcha.answer !== answer.trim().toUpperCase())
      throw new Refusal(422, 'wrong-captcha', 'Код с картинки введён неверно. Введите новый код.');
  };

  const smsPassword = (accountNumber: string, phone: string) => {
    const password = generatePassword();
    db.prepare('UPDATE account SET password_hash = ? WHERE account_number = ?').run(hashPassword(password), accountNumber);
    sendTrainingSms(db, {
      accountNumber,
      recipient: phone,
      body: `Ваш пароль для входа в личный кабинет абонента МУП УИС: ${password}`,
      sentAt: new Date(now()).toISOString(),
    });
    return maskPhone(phone);
  };

  const mailPassword = (accountNumber: string, email: string, subject: string) => {
    const password = generatePassword();
    db.prepare('UPDATE account SET password_hash = ? WHERE account_number = ?').run(hashPassword(password), accountNumber);
    db.prepare('INSERT INTO outgoing_mail (account_number, recipient, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)').run(
      accountNumber,
      email,
      subject,
      `Ваш пароль для входа в личный кабинет абонента МУП УИС: ${password}`,
      new Date(now()).toISOString(),
    );
    return maskEmail(email);
  };

  const profileOf = (accountNumber: string): Profile => {
    const account = existingAccount(accountNumber);
    return {
      accountNumber,
      holderName: account.holder_name,
      address: account.address,
      email: account.email,
      phone: account.phone,
      paperBill: account.paper_bill === 1,
      emailBill: account.email_bill === 1,
    };
  };

  const appealOf = (row: {
    appeal_number: string;
    registered_at: string;
    topic_id: string;
    text: string;
    status: Appeal['status'];
    answer: string | null;
  }): Appeal => ({
    appealNumber: row.appeal_number,
    registeredAt: row.registered_at,
    topicId: row.topic_id,
    topic: APPEAL_TOPICS.find((topic) => topic.id === row.topic_id)?.title ?? row.topic_id,
    text: row.text,
    status: row.status,
    answer: row.answer,
  });

  const meters = (accountNumber: string): MetersResponse => {
    const period = periodOf(today());
    const rows = db
      .prepare<
        [string],
        {
          meter_id: string;
          service: 'hot-water' | 'heating';
          unit: 'м³' | 'Гкал';
          serial_number: string;
          installed_on: string;
          verification_due_on: string;
          integer_digits: number;
          fraction_digits: number;
        }
      >('SELECT * FROM meter WHERE account_number = ? ORDER BY meter_id')
      .all(accountNumber);
    const submissions = db
      .prepare<[string, string], { registration_number: string; accepted_at: string; readings_json: string }>(
        'SELECT registration_number, accepted_at, readings_json FROM reading_submission WHERE account_number = ? AND period = ? ORDER BY accepted_at DESC, rowid DESC',
      )
      .all(accountNumber, period);
    return {
      accountNumber,
      readingWindow,
      meters: rows.map((meter) => {
        const history = db
          .prepare<[string, string], { value: number; taken_on: string }>(
            'SELECT value, taken_on FROM meter_reading WHERE meter_id = ? AND period < ? ORDER BY period DESC, id DESC LIMIT 7',
          )
          .all(meter.meter_id, period);
        const last = history[0];
        const oldest = history[history.length - 1];
        const average = history.length >= 2 && last && oldest ? round3((last.value - oldest.value) / (history.length - 1)) : null;
        return {
          meterId: meter.meter_id,
          service: meter.service,
          unit: meter.unit,
          serialNumber: meter.serial_number,
          installedOn: meter.installed_on,
          verificationDueOn: meter.verification_due_on,
          integerDigits: meter.integer_digits,
          fractionDigits: meter.fraction_digits,
          lastReading: last ? { value: last.value, takenOn: last.taken_on } : null,
          averageMonthlyConsumption: average,
        };
      }),
      submissions: submissions.map((row) => ({
        registrationNumber: row.registration_number,
        acceptedAt: row.accepted_at,
        readings: JSON.parse(row.readings_json) as Array<{ meterId: string; value: number }>,
      })),
    };
  };

  const nextNumber = (prefix: string, table: 'reading_submission' | 'appeal') => {
    const count = db.prepare<[], { count: number }>(`SELECT count(*) AS count FROM ${table}`).get()?.count ?? 0;
    return `${prefix}-${today().replaceAll('-', '')}-${String(count + 1).padStart(6, '0')}`;
  };

  const routes: Route[] = [
    {
      method: 'POST',
      path: '/api/v1/sessions',
      idempotent: false,
      async handle(context) {
        const { accountNumber, password } = parse(loginRequestSchema, context.body);
        const since = now() - LOGIN_FAILURE_WINDOW_MS;
        const failures =
          db
            .prepare<[string, number], { count: number }>(
              'SELECT count(*) AS count FROM login_failure WHERE account_number = ? AND failed_at > ?',
            )
            .get(accountNumber, since)?.count ?? 0;
        if (failures >= LOGIN_FAILURE_LIMIT) {
          throw new Refusal(429, 'too-many-attempts', 'Слишком много неудачных попыток входа. Повторите через 15 минут.', {
            'Retry-After': '900',
          });
        }
        const account = db
          .prepare<[string], { password_hash: string | null }>('SELECT password_hash FROM account WHERE account_number = ?')
          .get(accountNumber);
        if (account && account.password_hash === null) {
          throw new Refusal(403, 'not-registered', 'Лицевой счёт не зарегистрирован в личном кабинете.');
        }
        // An unknown account is refused like a wrong password, so the answer does not confirm which accounts exist.
        const valid = account?.password_hash ? await verifyPassword(password, account.password_hash) : false;
        if (!valid) {
          db.prepare('INSERT INTO login_failure (account_number, failed_at) VALUES (?, ?)').run(accountNumber, now());
          throw new Refusal(401, 'wrong-credentials', 'Неверный номер лицевого счёта или пароль.');
        }
        db.prepare('DELETE FROM login_failure WHERE account_number = ? OR failed_at <= ?').run(accountNumber, since);
        return openSession(accountNumber, context.terminalId, null);
      },
    },
    {
      method: 'DELETE',
      path: '/api/v1/sessions/current',
      idempotent: false,
      billSession: 'allowed',
      handle(context) {
        const { tokenHash } = sessionAccount(context);
        db.prepare('DELETE FROM session WHERE token_hash = ?').run(tokenHash);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/assisted-sessions',
      idempotent: false,
      handle(context) {
        const request = parse(assistedSessionRequestSchema, context.body);
        existingAccount(request.accountNumber);
        return openSession(request.accountNumber, context.terminalId, `${request.staffId}: ${request.reason}`);
      },
    },
    {
      method: 'POST',
      path: '/api/v1/bill-sessions',
      idempotent: false,
      handle(context) {
        const { accountNumber, billCode } = parse(billSessionRequestSchema, context.body);
        existingAccount(accountNumber);
        const since = now() - BILL_CODE_FAILURE_WINDOW_MS;
        const failures = (column: 'account_number' | 'terminal_id', value: string) =>
          db
            .prepare<[string, number], { failed_at: number }>(
              `SELECT failed_at FROM bill_code_failure WHERE ${column} = ? AND failed_at > ? ORDER BY failed_at`,
            )
            .all(value, since)
            .map((row) => row.failed_at);
        const byAccount = failures('account_number', accountNumber);
        const byTerminal = failures('terminal_id', context.terminalId);
        if (byAccount.length >= BILL_CODE_FAILURES_PER_ACCOUNT || byTerminal.length >= BILL_CODE_FAILURES_PER_TERMINAL) {
          const wait = Math.max(
            secondsUntilBelow(byAccount, BILL_CODE_FAILURES_PER_ACCOUNT, BILL_CODE_FAILURE_WINDOW_MS),
            secondsUntilBelow(byTerminal, BILL_CODE_FAILURES_PER_TERMINAL, BILL_CODE_FAILURE_WINDOW_MS),
          );
          throw new Refusal(
            429,
            'too-many-attempts',
            `Слишком много неверных кодов квитанции. Повторите через ${Math.ceil(wait / 60)} мин.`,
            { 'Retry-After': String(wait) },
          );
        }
        // The code of the last bill only: that is the bill the customer has in hand.
        const period = ledger.lastBilledPeriod(accountNumber);
        const printed = period
          ? db
              .prepare<[string, string], { code: string }>('SELECT code FROM bill_code WHERE account_number = ? AND period = ?')
              .get(accountNumber, period)
          : undefined;
        if (!period || !printed || !safeEqual(printed.code, billCode)) {
          db.prepare('INSERT INTO bill_code_failure (account_number, terminal_id, failed_at) VALUES (?, ?, ?)').run(
            accountNumber,
            context.terminalId,
            now(),
          );
          const attemptsLeft = Math.max(
            0,
            Math.min(BILL_CODE_FAILURES_PER_ACCOUNT - byAccount.length - 1, BILL_CODE_FAILURES_PER_TERMINAL - byTerminal.length - 1),
          );
          throw new Refusal(
            401,
            'wrong-bill-code',
            `Код квитанции не подходит. Он напечатан на квитанции за последний месяц рядом с номером лицевого счёта. Осталось попыток: ${attemptsLeft}.`,
            {},
            { attemptsLeft },
          );
        }
        db.prepare('DELETE FROM bill_code_failure WHERE account_number = ? OR failed_at <= ?').run(accountNumber, since);
        const opened = openSession(accountNumber, context.terminalId, null, 'bill');
        return { status: opened.status, body: { ...opened.body, billingPeriod: period } };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/sms-codes',
      idempotent: false,
      handle(context) {
        const { accountNumber } = parse(smsCodeRequestSchema, context.body);
        const account = existingAccount(accountNumber);
        if (!account.phone)
          throw new Refusal(
            409,
            'no-phone',
            'Для этого лицевого счёта не указан номер телефона. Войдите по паролю или по квитанции либо обратитесь в офис обслуживания.',
          );
        if (!canReceiveSms(account.phone))
          throw new Refusal(
            422,
            'sms-undeliverable',
            'На номер телефона, указанный для этого лицевого счёта, SMS не доставляются. Сообщите номер мобильного телефона в офисе обслуживания.',
          );
        const previous = db
          .prepare<[string], { sent_at: number }>('SELECT sent_at FROM sms_code WHERE account_number = ?')
          .get(accountNumber);
        if (previous && previous.sent_at + SMS_RESEND_AFTER_MS > now()) {
          const wait = Math.ceil((previous.sent_at + SMS_RESEND_AFTER_MS - now()) / 1000);
          throw new Refusal(429, 'sms-resend-too-early', `Новый код можно запросить через ${wait} с.`, { 'Retry-After': String(wait) });
        }
        const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
        const expiresAt = now() + SMS_CODE_TTL_MS;
        db.transaction(() => {
          // A new code replaces the previous one, which stops working.
          db.prepare(
            `INSERT INTO sms_code (account_number, terminal_id, code_hash, sent_at, expires_at, attempts_left) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (account_number) DO UPDATE SET terminal_id = excluded.terminal_id, code_hash = excluded.code_hash,
               sent_at = excluded.sent_at, expires_at = excluded.expires_at, attempts_left = excluded.attempts_left`,
          ).run(accountNumber, context.terminalId, smsCodeHash(accountNumber, code), now(), expiresAt, SMS_CODE_ATTEMPTS);
          sendTrainingSms(db, {
            accountNumber,
            recipient: account.phone ?? '',
            body: `Код для входа в личный кабинет абонента МУП УИС: ${code}. Никому не сообщайте его.`,
            sentAt: new Date(now()).toISOString(),
          });
        })();
        return {
          status: 201,
          body: {
            sentTo: maskPhone(account.phone),
            expiresAt: new Date(expiresAt).toISOString(),
            resendAfterSeconds: SMS_RESEND_AFTER_MS / 1000,
            attemptsLeft: SMS_CODE_ATTEMPTS,
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/sms-sessions',
      idempotent: false,
      handle(context) {
        const { accountNumber, code } = parse(smsLoginRequestSchema, context.body);
        const live = db
          .prepare<[string, string], { code_hash: string; sent_at: number; expires_at: number; attempts_left: number }>(
            'SELECT code_hash, sent_at, expires_at, attempts_left FROM sms_code WHERE account_number = ? AND terminal_id = ?',
          )
          .get(accountNumber, context.terminalId);
        if (!live || live.expires_at <= now())
          throw new Refusal(410, 'sms-code-expired', 'Код из SMS устарел или уже использован. Запросите новый код.');
        if (live.attempts_left <= 0) throw smsAttemptsExhausted(live.sent_at);
        // The try is counted before the code is compared.
        const attemptsLeft = live.attempts_left - 1;
        db.prepare('UPDATE sms_code SET attempts_left = ? WHERE account_number = ?').run(attemptsLeft, accountNumber);
        if (!safeEqual(live.code_hash, smsCodeHash(accountNumber, code))) {
          if (attemptsLeft === 0) throw smsAttemptsExhausted(live.sent_at);
          throw new Refusal(401, 'wrong-sms-code', `Код из SMS введён неверно. Осталось попыток: ${attemptsLeft}.`, {}, { attemptsLeft });
        }
        db.prepare('DELETE FROM sms_code WHERE account_number = ?').run(accountNumber);
        return openSession(accountNumber, context.terminalId, null);
      },
    },
    {
      method: 'GET',
      path: '/api/v1/account/summary',
      idempotent: false,
      billSession: 'allowed',
      handle(context) {
        const session = sessionAccount(context);
        const summary = ledger.summary(session.accountNumber, today());
        if (session.scope === 'customer') return { status: 200, body: summary };
        return {
          status: 200,
          body: { ...summary, holderName: shortHolderName(summary.holderName), address: maskAddress(summary.address) },
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/account/statement',
      idempotent: false,
      billSession: 'refused',
      handle(context) {
        const { accountNumber } = sessionAccount(context);
        const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
        const from = period.safeParse(context.query.get('from'));
        const to = period.safeParse(context.query.get('to'));
        if (!from.success || !to.success) throw new Refusal(400, 'invalid-period', 'Укажите начало и конец периода в формате ГГГГ-ММ.');
        if (from.data > to.data) throw new Refusal(422, 'invalid-period', 'Начало периода позже его конца.');
        if (monthsBetween(from.data, to.data) >= 36) throw new Refusal(422, 'period-too-long', 'Период не может быть длиннее 36 месяцев.');
        const clampedFrom = ledger.clampToHistory(accountNumber, from.data);
        const clampedTo = ledger.clampToHistory(accountNumber, to.data);
        return { status: 200, body: ledger.statement(accountNumber, clampedFrom, clampedTo) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/account/meters',
      idempotent: false,
      billSession: 'allowed',
      handle(context) {
        return { status: 200, body: meters(sessionAccount(context).accountNumber) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/account/invoice',
      idempotent: false,
      billSession: 'allowed',
      handle(context) {
        const session = sessionAccount(context);
        const invoice = ledger.invoice(session.accountNumber, today(), payee);
        if (session.scope === 'customer') return { status: 200, body: invoice };
        return { status: 200, body: { ...invoice, payerName: shortHolderName(invoice.payerName), address: maskAddress(invoice.address) } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/account/appeals',
      idempotent: false,
      billSession: 'refused',
      handle(context) {
        const { accountNumber } = sessionAccount(context);
        const rows = db
          .prepare<
            [string],
            {
              appeal_number: string;
              registered_at: string;
              topic_id: string;
              text: string;
              status: Appeal['status'];
              answer: string | null;
            }
          >('SELECT * FROM appeal WHERE account_number = ? ORDER BY registered_at DESC, rowid DESC')
          .all(accountNumber);
        return { status: 200, body: { appeals: rows.map(appealOf) } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/account/profile',
      idempotent: false,
      billSession: 'refused',
      handle(context) {
        return { status: 200, body: profileOf(sessionAccount(context).accountNumber) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/accounts/{accountNumber}/readings',
      idempotent: true,
      billSession: 'allowed',
      handle(context) {
        const accountNumber = accountParam(context);
        existingAccount(accountNumber);
        const request = parse(readingsRequestSchema, context.body);
        const date = today();
        const day = Number(date.slice(8, 10));
        if (day < readingWindow.fromDay || day > readingWindow.toDay) {
          throw new Refusal(
            422,
            'outside-window',
            `Показания принимаются с ${readingWindow.fromDay} по ${readingWindow.toDay} число месяца. Передайте их в следующий период приёма.`,
          );
        }
        const period = periodOf(date);
        const current = meters(accountNumber);
        if (
          request.correctsRegistrationNumber &&
          !current.submissions.some((submission) => submission.registrationNumber === request.correctsRegistrationNumber)
        ) {
          throw new Refusal(422, 'correction-target-unknown', 'Исправить можно только показания, переданные в текущем месяце.');
        }
        const answer = request.readings.map((reading) => {
          const meter = current.meters.find((candidate) => candidate.meterId === reading.meterId);
          if (!meter) throw new Refusal(422, 'unknown-meter', 'Прибор учёта не найден на этом лицевом счёте.');
          if (meter.verificationDueOn < date) {
            throw new Refusal(
              422,
              'verification-expired',
              `Истёк срок поверки прибора учёта № ${meter.serialNumber}. Показания по нему не принимаются; начисление производится по среднему расходу, затем по нормативу.`,
            );
          }
          const decimals = /\.(\d+)$/.exec(String(reading.value))?.[1]?.length ?? 0;
          if (reading.value >= 10 ** meter.integerDigits || decimals > meter.fractionDigits)
            throw new Refusal(422, 'too-many-digits', `Показание прибора № ${meter.serialNumber} содержит слишком много цифр.`);
          const previous = meter.lastReading?.value ?? null;
          if (previous !== null && reading.value < previous) {
            throw new Refusal(
              422,
              'lower-than-previous',
              `Показание прибора № ${meter.serialNumber} меньше предыдущего (${previous}). Если счётчик заменён, обратитесь в офис.`,
            );
          }
          return {
            meterId: reading.meterId,
            previousValue: previous,
            value: reading.value,
            consumption: previous === null ? null : round3(reading.value - previous),
          };
        });
        const registrationNumber = nextNumber('П', 'reading_submission');
        const acceptedAt = new Date(now()).toISOString();
        db.transaction(() => {
          db.prepare(
            `INSERT INTO reading_submission (registration_number, account_number, period, accepted_at, submitted_at, terminal_id, readings_json, corrects)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            registrationNumber,
            accountNumber,
            period,
            acceptedAt,
            request.submittedAt,
            context.terminalId,
            JSON.stringify(request.readings.map(({ meterId, value }) => ({ meterId, value }))),
            request.correctsRegistrationNumber ?? null,
          );
          for (const reading of request.readings) {
            // The last submission of the month counts: it replaces earlier ones of the same period.
            db.prepare('DELETE FROM meter_reading WHERE meter_id = ? AND period = ?').run(reading.meterId, period);
            db.prepare('INSERT INTO meter_reading (meter_id, period, taken_on, value, registration_number) VALUES (?, ?, ?, ?, ?)').run(
              reading.meterId,
              period,
              date,
              reading.value,
              registrationNumber,
            );
          }
        })();
        return { status: 201, body: { registrationNumber, acceptedAt, readings: answer } };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/accounts/{accountNumber}/appeals',
      idempotent: true,
      billSession: 'refused',
      handle(context) {
        const accountNumber = accountParam(context);
        existingAccount(accountNumber);
        const request = parse(appealRequestSchema, context.body);
        if (!APPEAL_TOPICS.some((topic) => topic.id === request.topicId))
          throw new Refusal(422, 'unknown-topic', 'Выберите тему обращения из списка.');
        if (request.contactEmail && !EMAIL_PATTERN.test(request.contactEmail))
          throw new Refusal(422, 'invalid-email', 'Проверьте адрес электронной почты.');
        if (request.contactPhone && !PHONE_PATTERN.test(request.contactPhone))
          throw new Refusal(422, 'invalid-phone', 'Проверьте номер телефона.');
        const row = {
          appeal_number: nextNumber('О', 'appeal'),
          registered_at: new Date(now()).toISOString(),
          topic_id: request.topicId,
          text: request.text.trim(),
          status: 'registered' as const,
          answer: null,
        };
        db.prepare(
          `INSERT INTO appeal (appeal_number, account_number, topic_id, text, contact_phone, contact_email, registered_at, status, answer)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        ).run(
          row.appeal_number,
          accountNumber,
          row.topic_id,
          row.text,
          request.contactPhone ?? null,
          request.contactEmail ?? null,
          row.registered_at,
          row.status,
        );
        return { status: 201, body: appealOf(row) };
      },
    },
    {
      method: 'PATCH',
      path: '/api/v1/accounts/{accountNumber}/profile',
      idempotent: true,
      billSession: 'refused',
      handle(context) {
        const accountNumber = accountParam(context);
        existingAccount(accountNumber);
        const update = parse(profileUpdateSchema, context.body);
        if (update.email && !EMAIL_PATTERN.test(update.email))
          throw new Refusal(422, 'invalid-email', 'Проверьте адрес электронной почты.');
        if (update.phone && !PHONE_PATTERN.test(update.phone)) throw new Refusal(422, 'invalid-phone', 'Проверьте номер телефона.');
        const assignments: Array<[string, string | number | null]> = [];
        if (update.email !== undefined) assignments.push(['email', update.email]);
        if (update.phone !== undefined) assignments.push(['phone', update.phone]);
        if (update.paperBill !== undefined) assignments.push(['paper_bill', update.paperBill ? 1 : 0]);
        if (update.emailBill !== undefined) assignments.push(['email_bill', update.emailBill ? 1 : 0]);
        for (const [column, value] of assignments)
          db.prepare(`UPDATE account SET ${column} = ? WHERE account_number = ?`).run(value, accountNumber);
        return { status: 200, body: profileOf(accountNumber) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/accounts/{accountNumber}/password',
      idempotent: true,
      billSession: 'refused',
      async verify(context) {
        const account = existingAccount(accountParam(context));
        const change = parse(passwordChangeSchema, context.body);
        if (!account.password_hash || !(await verifyPassword(change.currentPassword, account.password_hash))) {
          throw new Refusal(422, 'wrong-password', 'Текущий пароль введён неверно.');
        }
      },
      handle(context) {
        const accountNumber = accountParam(context);
        const change = parse(passwordChangeSchema, context.body);
        db.prepare('UPDATE account SET password_hash = ? WHERE account_number = ?').run(hashPassword(change.newPassword), accountNumber);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/captchas',
      idempotent: false,
      handle() {
        const answer = Array.from(crypto.randomBytes(5), (byte) => CAPTCHA_ALPHABET[byte % CAPTCHA_ALPHABET.length]).join('');
        const captchaId = crypto.randomUUID();
        const expiresAt = now() + CAPTCHA_TTL_MS;
        db.prepare('INSERT INTO captcha (captcha_id, answer, expires_at) VALUES (?, ?, ?)').run(captchaId, answer, expiresAt);
        return {
          status: 201,
          body: {
            captchaId,
            imageSvg: captchaSvg(answer),
            spokenHint: answer.split('').join(' '),
            expiresAt: new Date(expiresAt).toISOString(),
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/registrations',
      idempotent: true,
      handle(context) {
        const request = parse(registrationRequestSchema, context.body);
        checkCaptcha(request.captchaId, request.captchaAnswer);
        const account = existingAccount(request.accountNumber);
        if (account.password_hash !== null) {
          throw new Refusal(
            409,
            'already-registered',
            'Этот лицевой счёт уже зарегистрирован. Если вы не помните пароль, воспользуйтесь восстановлением пароля.',
          );
        }
        if (account.activation_code !== request.activationCode) {
          throw new Refusal(
            422,
            'wrong-activation-code',
            'Код активации не подходит. Проверьте его по квитанции за последний расчётный месяц.',
          );
        }
        const passwordSentBy = request.passwordDelivery ?? 'email';
        // The e-mail is needed only when the password goes there; given anyway, it must be an address.
        const mailTo = passwordSentBy === 'email' ? request.email : undefined;
        if ((request.email !== undefined && !EMAIL_PATTERN.test(request.email)) || (passwordSentBy === 'email' && mailTo === undefined))
          throw new Refusal(422, 'invalid-email', 'Проверьте адрес электронной почты.');
        if (passwordSentBy === 'sms' && !canReceiveSms(request.phone))
          throw new Refusal(
            422,
            'sms-undeliverable',
            'На этот номер SMS не доставляются. Укажите номер мобильного телефона или получите пароль по электронной почте.',
          );
        if (request.consent.textVersion !== CONSENT.textVersion)
          throw new Refusal(422, 'consent-outdated', 'Текст согласия изменился. Ознакомьтесь с ним ещё раз.');
        const registeredAt = new Date(now()).toISOString();
        const passwordSentTo = db.transaction(() => {
          db.prepare('UPDATE account SET email = ?, phone = ?, registered_at = ? WHERE account_number = ?').run(
            request.email ?? null,
            request.phone,
            registeredAt,
            request.accountNumber,
          );
          db.prepare('INSERT INTO consent_record (account_number, text_version, given_at, terminal_id) VALUES (?, ?, ?, ?)').run(
            request.accountNumber,
            request.consent.textVersion,
            request.consent.givenAt,
            context.terminalId,
          );
          return mailTo === undefined
            ? smsPassword(request.accountNumber, request.phone)
            : mailPassword(request.accountNumber, mailTo, 'Регистрация в личном кабинете МУП УИС');
        })();
        return { status: 201, body: { accountNumber: request.accountNumber, registeredAt, passwordSentBy, passwordSentTo } };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/password-resets',
      idempotent: true,
      handle(context) {
        const request = parse(passwordResetRequestSchema, context.body);
        checkCaptcha(request.captchaId, request.captchaAnswer);
        const account = existingAccount(request.accountNumber);
        if (account.password_hash === null)
          throw new Refusal(422, 'not-registered', 'Этот лицевой счёт ещё не зарегистрирован в личном кабинете.');
        if (!account.email || account.email.toLowerCase() !== request.email.trim().toLowerCase()) {
          throw new Refusal(422, 'email-mismatch', 'Этот e-mail не совпадает с указанным при регистрации.');
        }
        const sentTo = mailPassword(request.accountNumber, account.email, 'Восстановление пароля к личному кабинету МУП УИС');
        return { status: 201, body: { sentTo } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/reference',
      idempotent: false,
      handle() {
        return { status: 200, body: { ...referenceData(today(), readingWindow), payee } };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/reference/faq',
      idempotent: false,
      handle() {
        return { status: 200, body: referenceFaq(readingWindow) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/terminals/{terminalId}/heartbeat',
      idempotent: false,
      handle(context) {
        if (context.params.terminalId !== context.terminalId)
          throw new Refusal(403, 'wrong-terminal', 'Терминал может сообщать только о себе.');
        const heartbeat = parse(heartbeatSchema, context.body);
        db.prepare(
          'INSERT INTO heartbeat (terminal_id, received_at, body_json) VALUES (?, ?, ?) ON CONFLICT (terminal_id) DO UPDATE SET received_at = excluded.received_at, body_json = excluded.body_json',
        ).run(context.terminalId, new Date(now()).toISOString(), JSON.stringify(heartbeat));
        return { status: 204 };
      },
    },
  ];
  return routes;
}

async function serve(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  routes: Route[],
  { db, now, terminalKeys }: { db: BillingDatabase; now: () => number; terminalKeys: Record<string, string> | undefined },
): Promise<void> {
  try {
    const url = new URL(request.url ?? '/', 'http://billing');
    const match = matchRoute(routes, request.method ?? 'GET', url.pathname);
    if (match === 'no-path') throw new Refusal(404, 'not-found', 'Нет такого адреса.');
    if (match === 'no-method') throw new Refusal(405, 'method-not-allowed', 'Метод не поддерживается.');

    const terminalId = headerValue(request.headers['x-terminal-id']);
    const terminalKey = headerValue(request.headers['x-terminal-key']);
    const expectedKey = terminalKeys ? terminalKeys[terminalId ?? ''] : 'training';
    if (!terminalId || !terminalKey || !expectedKey || !safeEqual(terminalKey, expectedKey)) {
      throw new Refusal(401, 'terminal-unauthorized', 'Терминал не авторизован в расчётном центре.');
    }
    // Before the idempotency record is consulted, so that a bill token cannot fetch a recorded answer either.
    if (match.route.billSession) checkBillSessionScope(db, request.headers, match.route.billSession, match.params);

    const rawBody = await readBody(request);
    let body: unknown = undefined;
    if (rawBody.length > 0) {
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
        throw new Refusal(415, 'unsupported-media-type', 'Ожидается JSON.');
      try {
        body = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw new Refusal(400, 'invalid-json', 'Тело запроса не является корректным JSON.');
      }
    }
    const context: RequestContext = { terminalId, params: match.params, query: url.searchParams, body, headers: request.headers };

    if (!match.route.idempotent) return send(response, await match.route.handle(context));

    const idempotencyKey = headerValue(request.headers['idempotency-key']);
    if (!idempotencyKey || idempotencyKey.length > 255) {
      throw new Refusal(400, 'idempotency-key-missing', 'Запрос на изменение должен содержать заголовок Idempotency-Key.');
    }
    const requestHash = sha256(`${request.method} ${url.pathname}\n${rawBody.toString('utf8')}`);
    const recordedAnswer = (): Answer | null => {
      const recorded = db
        .prepare<[string, string], { request_hash: string; status: number; response_json: string }>(
          'SELECT request_hash, status, response_json FROM idempotency_record WHERE terminal_id = ? AND idempotency_key = ?',
        )
        .get(terminalId, idempotencyKey);
      if (!recorded) return null;
      if (recorded.request_hash !== requestHash) {
        throw new Refusal(422, 'idempotency-key-reused', 'Этот ключ идемпотентности уже использован для другого запроса.');
      }
      return { status: recorded.status, body: JSON.parse(recorded.response_json) as unknown };
    };
    /** A refusal is a final answer too: replaying the key must refuse the same way. An outage or a «not yet» is not. */
    const finalRefusal = (error: unknown): Answer => {
      if (!(error instanceof Refusal) || error.status >= 500 || error.status === 429) throw error;
      return { status: error.status, body: error.body };
    };
    const replayed = recordedAnswer();
    if (replayed) return send(response, replayed, { 'Idempotent-Replayed': 'true' });

    let verified: Answer | null = null;
    try {
      await match.route.verify?.(context);
    } catch (error) {
      verified = finalRefusal(error);
    }
    // The write and its idempotency record commit together or not at all: a crash between the two
    // would otherwise register the write again when the kiosk sends the same key after the restart.
    const { answer, replay } = db.transaction((): { answer: Answer; replay: boolean } => {
      // Another request with this key may have finished while this one verified.
      const meanwhile = recordedAnswer();
      if (meanwhile) return { answer: meanwhile, replay: true };
      let answer = verified;
      if (!answer) {
        try {
          // What a refusing handler wrote stays, as it meant to (a spent captcha, a counted failure).
          const result = match.route.handle(context);
          if (result instanceof Promise) throw new Error(`write route ${match.route.path} must answer synchronously`);
          answer = result;
        } catch (error) {
          answer = finalRefusal(error);
        }
      }
      db.prepare('DELETE FROM idempotency_record WHERE created_at < ?').run(now() - IDEMPOTENCY_KEEP_MS);
      db.prepare(
        'INSERT INTO idempotency_record (terminal_id, idempotency_key, request_hash, status, response_json, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(terminalId, idempotencyKey, requestHash, answer.status, JSON.stringify(answer.body ?? null), now());
      return { answer, replay: false };
    })();
    if (replay) return send(response, answer, { 'Idempotent-Replayed': 'true' });
    return send(response, answer);
  } catch (error) {
    if (error instanceof Refusal) return send(response, { status: error.status, body: error.body }, error.headers);
    console.error('reference billing server: request failed', error);
    return send(response, { status: 500, body: { code: 'internal', message: 'Внутренняя ошибка расчётного центра.' } });
  }
}

/**
 * A bill session sees the bill of its own account and nothing more: on a route that refuses bill
 * sessions its token is refused, and on one that allows them, another account in the path is.
 * Writes are authenticated by the terminal alone (the outbox may deliver them after the session has
 * ended), so this only bites when a request carries a bill token; it never requires one.
 */
function checkBillSessionScope(
  db: BillingDatabase,
  headers: http.IncomingHttpHeaders,
  rule: 'allowed' | 'refused',
  params: Record<string, string>,
): void {
  const token = bearerToken(headers);
  if (!token) return;
  const bill = db
    .prepare<[string], { account_number: string }>("SELECT account_number FROM session WHERE token_hash = ? AND scope = 'bill'")
    .get(sha256(token));
  if (!bill) return;
  if (rule === 'refused' || (params.accountNumber !== undefined && params.accountNumber !== bill.account_number)) {
    throw new Refusal(
      403,
      'outside-bill-session',
      'По квитанции можно посмотреть сумму к оплате, оплатить и передать показания. Для остального войдите в личный кабинет по паролю или коду из SMS.',
    );
  }
}

function bearerToken(headers: http.IncomingHttpHeaders): string | undefined {
  return /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
}

function matchRoute(
  routes: Route[],
  method: string,
  pathname: string,
): { route: Route; params: Record<string, string> } | 'no-path' | 'no-method' {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? 'no-method' : 'no-path';
}

function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/');
  const pathParts = pathname.split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) {
      if (!actual) return null;
      params[name] = decodeURIComponent(actual);
    } else if (part !== actual) return null;
  }
  return params;
}

function send(response: http.ServerResponse, answer: Answer, headers: Record<string, string> = {}): void {
  if (response.headersSent) return;
  const payload = answer.body === undefined || answer.status === 204 ? '' : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...(payload ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(payload);
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep reading (and dropping) the rest, so the client gets the 413 instead of a reset connection.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new Refusal(413, 'payload-too-large', 'Запрос слишком большой.')) : resolve(Buffer.concat(chunks)),
    );
    request.on('error', reject);
  });
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
    throw new Refusal(422, 'invalid-request', `Запрос заполнен неверно: ${fields}.`);
  }
  return parsed.data;
}

function accountParam(context: RequestContext): string {
  const accountNumber = context.params.accountNumber ?? '';
  if (!/^\d{9}$/.test(accountNumber)) throw new Refusal(404, 'unknown-account', 'Лицевой счёт не найден. Проверьте номер по квитанции.');
  return accountNumber;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

function safeEqual(left: string, right: string): boolean {
  const a = Buffer.from(sha256(left));
  const b = Buffer.from(sha256(right));
  return crypto.timingSafeEqual(a, b);
}

function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(crypto.randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** `ivanova@example.ru` → `i*****a@example.ru`: enough to recognise, not enough to read over a shoulder. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  if (local.length <= 2) return `${local[0] ?? ''}*@${domain}`;
  return `${local[0]}${'*'.repeat(local.length - 2)}${local[local.length - 1]}@${domain}`;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
