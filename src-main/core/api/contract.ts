// The shape every kiosk API method shares: one declaration (name + zod input + zod output) from
// which the renderer client, the Electron preload allow-list and the HTTP route are all derived.
import type { z } from 'zod';
import type { Message, MessageKey } from '../messages/messages';

/**
 * Who may call a method: anyone at the start screen; `bill-holder`, whoever proved they hold this
 * month's paper bill (a bill session) as well as a logged-in customer; `customer`, only a customer
 * logged in fully (password or SMS code, or staff assisting); or staff.
 */
export type MethodAudience = 'public' | 'bill-holder' | 'customer' | 'staff';

/** Whether a method acts on a customer's account (a bill session's or a full one's): assisted service audits these calls. */
export function actsOnAccount(audience: MethodAudience): boolean {
  return audience === 'customer' || audience === 'bill-holder';
}

export interface KioskMethodContract<
  Name extends string = string,
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
  Audience extends MethodAudience = MethodAudience,
> {
  readonly name: Name;
  readonly audience: Audience;
  readonly input: Input;
  readonly output: Output;
}

// The audience is kept as a literal so types can tell the methods on a customer's account apart.
export function defineMethod<Name extends string, Input extends z.ZodType, Output extends z.ZodType, Audience extends MethodAudience>(
  contract: KioskMethodContract<Name, Input, Output, Audience>,
): KioskMethodContract<Name, Input, Output, Audience> {
  return contract;
}

/**
 * Stable machine codes, for the screens' logic (a lockout starts a countdown) and the logs; what
 * the customer reads is the refusal's `message`.
 */
export type KioskErrorCode =
  | 'invalid-input'
  | 'not-logged-in'
  | 'full-login-required'
  | 'staff-only'
  | 'wrong-credentials'
  | 'locked-out'
  | 'rate-limited'
  | 'billing-unavailable'
  | 'billing-timeout'
  | 'billing-invalid-response'
  | 'billing-refused'
  | 'session-expired'
  | 'not-found'
  | 'printer-unavailable'
  | 'voice-unavailable'
  | 'unknown-method'
  | 'internal';

export interface KioskError {
  code: KioskErrorCode;
  /** What the customer reads, as a catalog key and its values; never a stack trace. */
  message: Message;
  /** Seconds until the caller may try again (lockouts, rate limits). */
  retryAfterSeconds?: number;
  /** Per-field messages for forms, keyed by the input field's name. */
  fields?: Record<string, Message>;
  /** The billing centre's own refusal code, when it refused. */
  billingCode?: string;
}

export type KioskResult<T> = { ok: true; value: T } | { ok: false; error: KioskError };

/** Thrown by handlers for an expected refusal; the dispatcher turns it into `{ok:false}`. */
export class KioskFailure extends Error {
  declare readonly error: KioskError;
  /** What a log line shows of a refusal: its code and key, never its text or values (they may quote the customer). */
  readonly code: KioskErrorCode;
  readonly key: MessageKey;
  constructor(error: KioskError) {
    super(`${error.code}: ${error.message.key}`);
    this.name = 'KioskFailure';
    // Not enumerable, so the logger (which writes an error's own fields) leaves the values out.
    Object.defineProperty(this, 'error', { value: error, enumerable: false });
    this.code = error.code;
    this.key = error.message.key;
  }
}

/** A method map: each key is the method's own name. */
export type KioskMethodMap = Record<string, KioskMethodContract>;

/** The input of one printable document: a `type` literal plus the fields that say which one. */
export type DocumentInputSchema = z.ZodObject<{ type: z.ZodLiteral<string> } & z.ZodRawShape>;

/**
 * What a feature declares at the boundary, free of Node: its methods and the documents it can
 * print. The renderer's client and the preload allow-list are derived from the list of these.
 */
export interface FeatureContract<
  M extends KioskMethodMap = KioskMethodMap,
  D extends readonly DocumentInputSchema[] = readonly DocumentInputSchema[],
> {
  readonly methods: M;
  readonly documents: D;
}

export function defineContract<const M extends KioskMethodMap, const D extends readonly DocumentInputSchema[] = readonly []>(contract: {
  methods: M;
  documents?: D;
}): FeatureContract<M, D> {
  for (const [key, method] of Object.entries(contract.methods)) {
    if (key !== method.name) throw new Error(`method ${method.name} is listed under ${key}`);
  }
  return { methods: contract.methods, documents: (contract.documents ?? []) as unknown as D };
}

/** The core's side of a method: validated input in, a value its output schema accepts out. */
export type KioskHandler<M extends KioskMethodContract> = (input: z.output<M['input']>) => Promise<z.input<M['output']>>;
export type HandlersFor<M extends KioskMethodMap> = { [N in keyof M]: KioskHandler<M[N]> };

export type MethodInput<M> = M extends KioskMethodContract<string, infer I, z.ZodType> ? z.input<I> : never;
export type MethodOutput<M> = M extends KioskMethodContract<string, z.ZodType, infer O> ? z.output<O> : never;
