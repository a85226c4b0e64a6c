// The kiosk's only way to the billing centre: axios over HTTP(S), one method per endpoint of
// `resources/billing-api.openapi.yaml`. Every response is parsed with its wire schema and every
// failure becomes a `BillingError` whose kind tells the caller whether to retry
// or show the billing centre's refusal. The same client talks to the in-process reference server
// in training mode, so there is one code path.
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { BillingError } from './billing-error';
import {
  accountSummarySchema,
  appealListSchema,
  appealSchema,
  billSessionResponseSchema,
  captchaSchema,
  faqSchema,
  invoiceSchema,
  loginResponseSchema,
  metersResponseSchema,
  passwordResetResponseSchema,
  profileSchema,
  readingsResponseSchema,
  referenceDataSchema,
  registrationResponseSchema,
  smsCodeResponseSchema,
  statementSchema,
  wireErrorSchema,
  type AccountSummary,
  type Appeal,
  type AppealRequest,
  type BillSessionResponse,
  type Captcha,
  type Faq,
  type Heartbeat,
  type Invoice,
  type LoginResponse,
  type MetersResponse,
  type PasswordChange,
  type Profile,
  type ProfileUpdate,
  type ReadingsRequest,
  type ReadingsResponse,
  type ReferenceData,
  type RegistrationRequest,
  type SmsCodeResponse,
  type Statement,
} from './billing-wire';

export interface BillingClientOptions {
  baseUrl: string;
  terminalId: string;
  terminalKey: string;
  timeoutMs: number;
}

/** Answers larger than this are refused rather than parsed: no billing answer is legitimately 2 MB. */
const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

/** Login refusals that are the customer's mistake, not an expired terminal or session. */
const CREDENTIAL_CODES = new Set(['wrong-credentials', 'not-registered', 'wrong-password', 'wrong-bill-code', 'wrong-sms-code']);

export class BillingClient {
  private readonly http: AxiosInstance;

  constructor(private readonly options: BillingClientOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, '') + '/api/v1',
      timeout: options.timeoutMs,
      maxContentLength: MAX_RESPONSE_BYTES,
      maxBodyLength: MAX_RESPONSE_BYTES,
      maxRedirects: 0,
      // Statuses are classified below; axios must not throw on them.
      validateStatus: () => true,
      headers: { 'X-Terminal-Id': options.terminalId, 'X-Terminal-Key': options.terminalKey, Accept: 'application/json' },
      // No proxy from the environment: a kiosk talks to its billing centre directly.
      proxy: false,
    });
  }

  get terminalId(): string {
    return this.options.terminalId;
  }

  // --- sessions --------------------------------------------------------------------------------

  login(accountNumber: string, password: string): Promise<LoginResponse> {
    return this.request(loginResponseSchema, { method: 'POST', url: '/sessions', data: { accountNumber, password } });
  }

  async logout(sessionToken: string): Promise<void> {
    await this.request(null, { method: 'DELETE', url: '/sessions/current', headers: bearer(sessionToken) });
  }

  /**
   * A narrow session for whoever holds this month's paper bill: the account number and the bill's
   * 4-digit code. It reads the bill (summary, invoice, meters) with the holder's name shortened and
   * the address masked, and nothing else of the account.
   */
  openBillSession(accountNumber: string, billCode: string): Promise<BillSessionResponse> {
    return this.request(billSessionResponseSchema, { method: 'POST', url: '/bill-sessions', data: { accountNumber, billCode } });
  }

  /** Sends a 6-digit one-time code to the phone on file; the answer says where (masked) and when a resend is allowed. */
  requestSmsCode(accountNumber: string): Promise<SmsCodeResponse> {
    return this.request(smsCodeResponseSchema, { method: 'POST', url: '/sms-codes', data: { accountNumber } });
  }

  /** A full customer session, as after a password login, for the code from the SMS. */
  loginWithSmsCode(accountNumber: string, code: string): Promise<LoginResponse> {
    return this.request(loginResponseSchema, { method: 'POST', url: '/sms-sessions', data: { accountNumber, code } });
  }

  /** A session opened by office staff for a customer who cannot log in themselves; audited by both sides. */
  openAssistedSession(accountNumber: string, staffId: string, reason: string): Promise<LoginResponse> {
    return this.request(loginResponseSchema, { method: 'POST', url: '/assisted-sessions', data: { accountNumber, staffId, reason } });
  }

  // --- reads with the customer's session -------------------------------------------------------

  getAccountSummary(sessionToken: string): Promise<AccountSummary> {
    return this.request(accountSummarySchema, { method: 'GET', url: '/account/summary', headers: bearer(sessionToken) });
  }

  getStatement(sessionToken: string, from: string, to: string): Promise<Statement> {
    return this.request(statementSchema, { method: 'GET', url: '/account/statement', params: { from, to }, headers: bearer(sessionToken) });
  }

  getMeters(sessionToken: string): Promise<MetersResponse> {
    return this.request(metersResponseSchema, { method: 'GET', url: '/account/meters', headers: bearer(sessionToken) });
  }

  getInvoice(sessionToken: string): Promise<Invoice> {
    return this.request(invoiceSchema, { method: 'GET', url: '/account/invoice', headers: bearer(sessionToken) });
  }

  getAppeals(sessionToken: string): Promise<Appeal[]> {
    return this.request(appealListSchema, { method: 'GET', url: '/account/appeals', headers: bearer(sessionToken) }).then(
      (list) => list.appeals,
    );
  }

  getProfile(sessionToken: string): Promise<Profile> {
    return this.request(profileSchema, { method: 'GET', url: '/account/profile', headers: bearer(sessionToken) });
  }

  // --- writes: terminal-authenticated, idempotent, delivered by the outbox ---------------------
  // They name the account in the path because the outbox may deliver them after the customer has
  // logged out or the kiosk has restarted, when no customer session exists any more.

  submitReadings(accountNumber: string, request: ReadingsRequest, idempotencyKey: string): Promise<ReadingsResponse> {
    return this.write(readingsResponseSchema, `/accounts/${accountNumber}/readings`, request, idempotencyKey);
  }

  submitAppeal(accountNumber: string, request: AppealRequest, idempotencyKey: string): Promise<Appeal> {
    return this.write(appealSchema, `/accounts/${accountNumber}/appeals`, request, idempotencyKey);
  }

  updateProfile(accountNumber: string, update: ProfileUpdate, idempotencyKey: string): Promise<Profile> {
    return this.write(profileSchema, `/accounts/${accountNumber}/profile`, update, idempotencyKey, 'PATCH');
  }

  async changePassword(accountNumber: string, change: PasswordChange, idempotencyKey: string): Promise<void> {
    await this.write(null, `/accounts/${accountNumber}/password`, change, idempotencyKey);
  }

  // --- registration and recovery (no customer session yet) -------------------------------------

  getCaptcha(): Promise<Captcha> {
    return this.request(captchaSchema, { method: 'POST', url: '/captchas' });
  }

  register(request: RegistrationRequest, idempotencyKey: string): Promise<z.infer<typeof registrationResponseSchema>> {
    return this.write(registrationResponseSchema, '/registrations', request, idempotencyKey);
  }

  requestPasswordReset(
    request: { accountNumber: string; email: string; captchaId: string; captchaAnswer: string },
    idempotencyKey: string,
  ): Promise<z.infer<typeof passwordResetResponseSchema>> {
    return this.write(passwordResetResponseSchema, '/password-resets', request, idempotencyKey);
  }

  // --- terminal ---------------------------------------------------------------------------------

  getReferenceData(): Promise<ReferenceData> {
    return this.request(referenceDataSchema, { method: 'GET', url: '/reference' });
  }

  /** The frequent questions and their answers by topic, in Russian, Bashkir and English in one answer. */
  getFaq(): Promise<Faq> {
    return this.request(faqSchema, { method: 'GET', url: '/reference/faq' });
  }

  async sendHeartbeat(heartbeat: Heartbeat): Promise<void> {
    await this.request(null, {
      method: 'POST',
      url: `/terminals/${encodeURIComponent(this.options.terminalId)}/heartbeat`,
      data: heartbeat,
    });
  }

  // --- plumbing ---------------------------------------------------------------------------------

  private write<S extends z.ZodType | null>(
    schema: S,
    url: string,
    data: unknown,
    idempotencyKey: string,
    method: 'POST' | 'PATCH' = 'POST',
  ): Promise<S extends z.ZodType ? z.output<S> : void> {
    return this.request(schema, { method, url, data, headers: { 'Idempotency-Key': idempotencyKey } });
  }

  private async request<S extends z.ZodType | null>(
    schema: S,
    config: { method: string; url: string; data?: unknown; params?: Record<string, string>; headers?: Record<string, string> },
  ): Promise<S extends z.ZodType ? z.output<S> : void> {
    // axios's own timeout stops once the headers arrive; the signal bounds headers and body together,
    // so a billing centre that trickles its answer cannot hold a customer past the configured time.
    // One signal serves both attempts below: the second never extends the deadline.
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const send = () => this.http.request({ ...config, responseType: 'json', signal });
    let response: AxiosResponse<unknown>;
    try {
      response = await send().catch((error: unknown) => {
        if (!isStaleSocketReset(error)) throw error;
        // Node's documented keep-alive race: the server closed a pooled socket while it was idle,
        // and the request written to it was reset before any answer. The billing centre never read
        // it, so it is sent once more on a fresh connection (writes carry an Idempotency-Key anyway).
        return send();
      });
    } catch (error) {
      throw transportError(error);
    }
    const { status } = response;
    if (status >= 200 && status < 300) {
      if (schema === null) return undefined as S extends z.ZodType ? z.output<S> : void;
      const parsed = schema.safeParse(response.data);
      if (!parsed.success) throw new BillingError('invalid-response', { status, cause: parsed.error });
      return parsed.data as S extends z.ZodType ? z.output<S> : void;
    }
    throw statusError(response);
  }
}

function bearer(sessionToken: string): Record<string, string> {
  return { Authorization: `Bearer ${sessionToken}` };
}

/** A reset on a socket reused from the keep-alive pool, before the answer began. */
function isStaleSocketReset(error: unknown): boolean {
  if (!axios.isAxiosError(error) || error.code !== 'ECONNRESET' || error.response) return false;
  const request: unknown = error.request;
  return typeof request === 'object' && request !== null && (request as { reusedSocket?: boolean }).reusedSocket === true;
}

function transportError(error: unknown): BillingError {
  if (axios.isAxiosError(error)) {
    const code = error.code ?? '';
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED') return new BillingError('timeout', { cause: error });
    // Too large, malformed JSON or a redirect we refuse to follow: the answer is unusable.
    if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED' || /maxContentLength/.test(error.message)) {
      return new BillingError('invalid-response', { cause: error });
    }
  }
  return new BillingError('unavailable', { cause: error });
}

function statusError(response: AxiosResponse<unknown>): BillingError {
  const { status } = response;
  const body = wireErrorSchema.safeParse(response.data);
  const billingCode = body.success ? body.data.code : undefined;
  const billingMessage = body.success ? body.data.message : undefined;
  const attemptsLeft = body.success ? body.data.attemptsLeft : undefined;
  const retryAfterSeconds = parseRetryAfter(response.headers['retry-after']);
  if (status >= 500 || status === 408 || status === 429) {
    return new BillingError('unavailable', { status, billingCode, billingMessage, retryAfterSeconds, attemptsLeft });
  }
  if (status === 401 && !(billingCode && CREDENTIAL_CODES.has(billingCode))) {
    return new BillingError('unauthorized', { status, billingCode, billingMessage });
  }
  if (status >= 400 && status < 500)
    return new BillingError('refused', { status, billingCode, billingMessage, retryAfterSeconds, attemptsLeft });
  // 1xx/3xx: we follow no redirects and expect no informational answers.
  return new BillingError('invalid-response', { status });
}

function parseRetryAfter(header: unknown): number | undefined {
  if (typeof header !== 'string') return undefined;
  const seconds = Number.parseInt(header, 10);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) : undefined;
}
