// Runs the kiosk core for a hosting process (browser mode, Electron) and restarts it in place when
// staff save settings or press «Перезапустить»: the transport stays up and keeps one dispatch
// function; calls that arrive during the swap wait for the new core, calls in flight finish on the
// old one first. A configuration the new core cannot start with falls back to the previous one.
// Likewise one event feed: screens subscribe to the host once, and the host re-attaches to each new
// core and tells them `restarting` / `restarted`.
import type { KioskResult } from '../api/contract';
import type { KioskDispatch } from '../api/dispatcher';
import type { KioskConfig } from '../config/kiosk-config';
import { KioskEventEmitter } from '../events/kiosk-event-emitter';
import type { KioskEventFeed, KioskSnapshot } from '../events/kiosk-events';
import { startKioskCore, type KioskCore } from '../kiosk-core';
import type { Logger } from '../logging/logger';
import { message } from '../messages/messages';

export interface CoreHostOptions {
  dataDir: string;
  /** The configuration file staff settings are written to. */
  configFile: string;
  /** Reads the configuration (file plus environment) at start and at every restart. */
  loadConfig: () => KioskConfig;
  logger: Logger;
  /** What «Выход» means for this host: quit Electron, stop the Node process. */
  exit: () => void;
  /** Told after every start and restart (e.g. to print the training server's address). */
  onStarted?: (core: KioskCore) => void;
}

export interface CoreHost {
  /** The core running now (a new object after each restart). */
  readonly core: KioskCore;
  /** Stable across restarts: the transports call this, never a core's own dispatch. */
  readonly dispatch: KioskDispatch;
  /** Stable across restarts likewise: the transports subscribe here, never to a core's own events. */
  readonly events: HostEvents;
  /** How many times the core has been restarted in place. */
  readonly restarts: number;
  /** Restarts the core with the configuration as it is now on disk; resolves when the new one serves. */
  restart(reason: string): Promise<void>;
  close(): Promise<void>;
}

export interface HostEvents extends KioskEventFeed {
  /** How many subscribers (screens) the host has. */
  readonly listenerCount: number;
}

const CLOSED: KioskResult<never> = {
  ok: false,
  error: { code: 'internal', message: message('errors.shuttingDown') },
};

export async function startCoreHost(options: CoreHostOptions): Promise<CoreHost> {
  const { logger } = options;
  let config = options.loadConfig();
  let swapping: Promise<void> | null = null;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let closed = false;
  let restarts = 0;

  const start = async (startConfig: KioskConfig): Promise<KioskCore> => {
    const started = await startKioskCore({
      config: startConfig,
      dataDir: options.dataDir,
      logger,
      configFile: options.configFile,
      // Loaded only in training mode: the production core never imports the reference server.
      trainingBilling: () => import('../../billing-server/training-billing'),
      hooks: {
        // Scheduled, not awaited: the call that asked for it must answer before the old core closes.
        restart: () => void host.restart('staff').catch((error: unknown) => logger.error('kiosk core restart failed', { error })),
        exit: () => options.exit(),
      },
    });
    options.onStarted?.(started);
    return started;
  };

  let core = await start(config);

  const events = new KioskEventEmitter((error, event) => logger.warn('kiosk event subscriber failed', { error, event: event.type }));
  let detachCore = core.events.subscribe((event) => events.publish(event));
  // The last core's last snapshot, for screens that connect while no core serves (its store is closed).
  let lastSnapshot: KioskSnapshot | null = null;
  const hostEvents: HostEvents = {
    snapshot: () => ((swapping || closed) && lastSnapshot ? lastSnapshot : core.events.snapshot()),
    subscribe: (listener) => events.subscribe(listener),
    get listenerCount() {
      return events.listenerCount;
    },
  };

  const waitForCallsInFlight = (graceMs: number) =>
    new Promise<void>((resolve) => {
      if (inFlight === 0) return resolve();
      const timer = setTimeout(() => {
        logger.warn('restarting with calls still in flight', { inFlight });
        resolve();
      }, graceMs);
      drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const dispatch: KioskDispatch = async (methodName, rawInput) => {
    while (swapping) await swapping.catch(() => undefined);
    if (closed) return CLOSED;
    const serving = core;
    inFlight += 1;
    try {
      return await serving.dispatch(methodName, rawInput);
    } finally {
      inFlight -= 1;
      if (inFlight === 0 && drained) {
        const notify = drained;
        drained = null;
        notify();
      }
    }
  };

  const host: CoreHost = {
    get core() {
      return core;
    },
    dispatch,
    events: hostEvents,
    get restarts() {
      return restarts;
    },
    restart(reason) {
      if (swapping) return swapping;
      if (closed) return Promise.resolve();
      swapping = (async () => {
        logger.info('kiosk core restarting', { reason });
        lastSnapshot = { ...core.events.snapshot(), restarting: true };
        events.emit('restarting', { reason });
        await waitForCallsInFlight(config.billing.timeoutMs + 2_000);
        detachCore();
        await core.close();
        let next: KioskConfig;
        try {
          next = options.loadConfig();
        } catch (error) {
          logger.error('configuration unreadable at restart; keeping the previous one', { error });
          next = config;
        }
        try {
          core = await start(next);
          config = next;
        } catch (error) {
          logger.error('kiosk core did not start with the new configuration; starting with the previous one', { error });
          try {
            core = await start(config);
          } catch (fatal) {
            // Nothing to serve with: let the host exit so its supervisor starts the kiosk afresh.
            closed = true;
            logger.error('kiosk core could not start again; exiting', { error: fatal });
            options.exit();
            throw fatal;
          }
        }
        restarts += 1;
        detachCore = core.events.subscribe((event) => events.publish(event));
        lastSnapshot = null;
        events.emit('restarted', core.events.snapshot());
        logger.info('kiosk core restarted', { reason, trainingMode: core.services.trainingMode });
      })().finally(() => {
        swapping = null;
      });
      return swapping;
    },
    async close() {
      if (swapping) await swapping.catch(() => undefined);
      if (closed) return;
      closed = true;
      await waitForCallsInFlight(2_000);
      detachCore();
      lastSnapshot = core.events.snapshot();
      await core.close();
    },
  };
  return host;
}
