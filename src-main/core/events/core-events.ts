// Turns what the core's services notice (billing link, outbox, printer) into kiosk events for the
// screen, and answers the snapshot a new subscriber starts from.
import type { KioskServices } from '../kiosk-services';
import type { OutboxStats } from '../outbox/outbox';
import type { PrinterStatus } from '../printing/printer-transport';
import { KioskEventEmitter } from './kiosk-event-emitter';
import type { KioskEventFeed, KioskSnapshot, LinkFacts, OutboxFacts, PrinterFacts, TerminalFacts } from './kiosk-events';

type CoreEventSources = Pick<
  KioskServices,
  'config' | 'version' | 'trainingMode' | 'billingLink' | 'outbox' | 'outboxWorker' | 'printing' | 'logger'
>;

export interface CoreEvents extends KioskEventFeed {
  /** How many subscribers this core has (the host keeps exactly one across restarts). */
  readonly listenerCount: number;
}

export function startCoreEvents(sources: CoreEventSources): CoreEvents {
  const { billingLink, outboxWorker, printing, logger } = sources;
  const emitter = new KioskEventEmitter((error, event) => logger.warn('kiosk event subscriber failed', { error, event: event.type }));
  // Not detached at close: the sources end with the core, and the host unsubscribes from a core it replaces.
  billingLink.onChange(() => emitter.emit('link', linkFacts(sources)));
  outboxWorker.onChange((stats) => emitter.emit('outbox', outboxFacts(stats)));
  printing.onChange((status) => emitter.emit('printer', printerFacts(status)));
  return {
    snapshot: (): KioskSnapshot => {
      const printer = printing.lastKnownStatus;
      return {
        terminal: terminalFacts(sources),
        link: linkFacts(sources),
        outbox: outboxFacts(sources.outbox.stats()),
        printer: printer ? printerFacts(printer) : null,
        restarting: false,
      };
    },
    subscribe: (listener) => emitter.subscribe(listener),
    get listenerCount() {
      return emitter.listenerCount;
    },
  };
}

/** The facts `terminal.status` answers with, less the link (which has its own event). */
export function terminalFacts({
  config,
  version,
  trainingMode,
}: Pick<CoreEventSources, 'config' | 'version' | 'trainingMode'>): TerminalFacts {
  return {
    terminalId: config.terminalId,
    officeName: config.officeName,
    version,
    trainingMode,
    orientation: config.ui.orientation,
    idleTimeoutSeconds: config.ui.idleTimeoutSeconds,
    idleWarningSeconds: config.ui.idleWarningSeconds,
    languages: [...config.ui.languages],
  };
}

function linkFacts({ billingLink }: Pick<CoreEventSources, 'billingLink'>): LinkFacts {
  const at = billingLink.lastContactAt;
  return { online: billingLink.online, lastContactAt: at === null ? null : new Date(at).toISOString() };
}

function outboxFacts(stats: OutboxStats): OutboxFacts {
  return {
    pending: stats.pending,
    rejected: stats.rejected,
    oldestPendingAt: stats.oldestPendingAt === null ? null : new Date(stats.oldestPendingAt).toISOString(),
  };
}

function printerFacts(status: PrinterStatus): PrinterFacts {
  return { state: status.state, paperNearEnd: status.paperNearEnd };
}
