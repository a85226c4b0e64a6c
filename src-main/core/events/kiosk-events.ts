// What the kiosk core tells the screen without being asked: the typed event map shared by the core,
// both transports (IPC, SSE) and the renderer. Node-free and type-only but for the list of names,
// so the renderer and the sandboxed preload may import it.
import type { PrinterState } from '../printing/printer-transport';

/** What this terminal is: fixed for the life of one core (a restart may change it). */
export interface TerminalFacts {
  terminalId: string;
  officeName: string;
  version: string;
  /** True when the kiosk talks to its own in-process reference billing server. */
  trainingMode: boolean;
  /** `auto` follows the screen's shape; `landscape` and `portrait` force the layout. */
  orientation: 'auto' | 'landscape' | 'portrait';
  idleTimeoutSeconds: number;
  idleWarningSeconds: number;
  languages: Array<'ru' | 'ba' | 'en'>;
}

/** Whether the billing centre answered lately (the header's link indicator). */
export interface LinkFacts {
  online: boolean;
  /** ISO time of the last answer while online; null when offline or not yet asked. */
  lastContactAt: string | null;
}

/** The queue of customer submissions waiting for the billing centre. */
export interface OutboxFacts {
  pending: number;
  /** Refused by the billing centre and waiting for staff. */
  rejected: number;
  /** ISO time the oldest pending submission was made; the screen computes its age. */
  oldestPendingAt: string | null;
}

export interface PrinterFacts {
  state: PrinterState;
  paperNearEnd: boolean;
}

/** Everything the screen shows of the core, as it is now: the first event of every subscription. */
export interface KioskSnapshot {
  terminal: TerminalFacts;
  link: LinkFacts;
  outbox: OutboxFacts;
  /** Null until the printer has been asked (the first receipt or a staff status check). */
  printer: PrinterFacts | null;
  /** True while the core restarts in place (the snapshot is then the old core's last). */
  restarting: boolean;
}

export interface KioskEventMap {
  snapshot: KioskSnapshot;
  link: LinkFacts;
  outbox: OutboxFacts;
  printer: PrinterFacts;
  /** The core is restarting in place (staff saved settings or pressed «Перезапустить»); calls wait. */
  restarting: { reason: string };
  /** The new core serves; its terminal facts may differ (office name, idle time, orientation). */
  restarted: KioskSnapshot;
}

export type KioskEventType = keyof KioskEventMap;

/** One event as it crosses a transport: a discriminated union on `type`. */
export type KioskEvent = { [K in KioskEventType]: { type: K; data: KioskEventMap[K] } }[KioskEventType];

export type KioskEventListener = (event: KioskEvent) => void;

// A record, not a list, so the compiler refuses an event added to the map but not here.
const EVENT_NAMES: Readonly<Record<KioskEventType, true>> = {
  snapshot: true,
  link: true,
  outbox: true,
  printer: true,
  restarting: true,
  restarted: true,
};

/** The allow-list of event names (the preload forwards these only; SSE names its events with them). */
export const kioskEventTypes: readonly KioskEventType[] = Object.freeze(Object.keys(EVENT_NAMES) as KioskEventType[]);

export function isKioskEventType(name: unknown): name is KioskEventType {
  return typeof name === 'string' && (kioskEventTypes as readonly string[]).includes(name);
}

/** What a transport needs from the core (or the host in front of it): a snapshot and a subscription. */
export interface KioskEventFeed {
  snapshot(): KioskSnapshot;
  /** Returns the function that unsubscribes. */
  subscribe(listener: KioskEventListener): () => void;
}
