// The Electron shell: deliberately thin. It starts the Electron-free kiosk core, serves the built
// renderer from the `kiosk://app` scheme, opens one locked-down fullscreen window, forwards
// `kioskBridge` calls from that window to the core's dispatcher and the core's events back to it.
// Every security decision lives in shell-config.ts (pure and unit-tested); this file only wires
// those answers into Electron.
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, powerSaveBlocker, protocol, session, type WebContents } from 'electron';
import type { KioskResult } from '../core/api/contract';
import type { KioskEvent } from '../core/events/kiosk-events';
import { loadKioskConfig } from '../core/config/kiosk-config';
import { createLogger, type Logger } from '../core/logging/logger';
import { startCoreHost, type CoreHost } from '../core/host/core-host';
import { explainStartFailure } from '../core/host/start-failure';
import { makeDataFolderPrivate } from '../core/store/private-data-folder';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  isAllowedNavigation,
  isTrustedSender,
  isWithinOpeningHours,
  KIOSK_CALL_CHANNEL,
  KIOSK_EVENT_CHANNEL,
  KIOSK_SUBSCRIBE_CHANNEL,
  kioskWindowOptions,
  mimeTypeFor,
  permissionDecision,
  resolveAppAsset,
  securityHeaders,
  type ScreenOrientation,
  shouldIgnoreKey,
} from './shell-config';

/** The packaged app is production: kiosk mode, no DevTools, no reload shortcuts. */
const production = app.isPackaged;
const buildDir = import.meta.dirname;

let logger: Logger | null = null;
let core: CoreHost | null = null;
let mainWindow: BrowserWindow | null = null;
/** Set only for legitimate exits (staff, OS shutdown); until then closing the window is ignored. */
let exitAllowed = false;
let coreClosed = false;

function log(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
  if (logger) logger[level](message, fields);
  else console[level === 'info' ? 'log' : level](message, fields ?? '');
}

// A crash in the main process leaves the kiosk in an unknown state: log it and start afresh
// rather than limp on. SQLite's journal keeps the store consistent across the hard exit.
process.on('uncaughtException', (error) => {
  log('error', 'uncaught exception in the main process; relaunching', { error });
  app.relaunch();
  app.exit(1);
});
process.on('unhandledRejection', (reason) => {
  log('error', 'unhandled promise rejection in the main process', { error: reason });
});

// Everything below must happen before 'ready': Chromium reads these at start-up.
// Every renderer runs in the OS sandbox, whatever a future window's options say.
app.enableSandbox();
// The scheme must be privileged before 'ready', or it gets no origin, no secure context and no fetch.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// A swipe on the touch screen must not act as "back".
app.commandLine.appendSwitch('overscroll-history-navigation', '0');

const dataDir = process.env.KIOSK_DATA_DIR ? path.resolve(process.env.KIOSK_DATA_DIR) : app.getPath('userData');
// Chromium's own profile goes next to the kiosk data, so one folder holds (and backs up) both.
if (process.env.KIOSK_DATA_DIR) app.setPath('userData', dataDir);

// Two kiosk instances would fight over the screen, the printer and the SQLite file.
if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (coreClosed || core === null) return;
    // Give the core a chance to end the session and close SQLite cleanly, then quit for real.
    event.preventDefault();
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => log('error', 'kiosk core did not close cleanly', { error }))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });
  process.on('SIGTERM', () => allowExit('SIGTERM'));
  process.on('SIGINT', () => allowExit('SIGINT'));
  start().catch(failStart);
}

function configFileFor(dataDir: string): string {
  return path.resolve(process.env.KIOSK_CONFIG ?? path.join(dataDir, 'kiosk-config.json'));
}

function allowExit(reason: string): void {
  log('info', 'kiosk exit', { reason });
  exitAllowed = true;
  app.quit();
}

async function start(): Promise<void> {
  makeDataFolderPrivate(dataDir);
  const configFile = configFileFor(dataDir);
  const config = loadKioskConfig({ file: configFile });
  logger = createLogger({ file: path.join(dataDir, 'logs', 'kiosk.log'), level: 'info' });
  await app.whenReady();

  // Without a menu there are no accelerators for reload, DevTools, zoom or close.
  Menu.setApplicationMenu(null);
  hardenSession();

  // Outside production KIOSK_RENDERER_DIR may point at another build; the packaged app serves only its own.
  const rendererDir = path.resolve((!production && process.env.KIOSK_RENDERER_DIR) || path.join(buildDir, '..', 'renderer', 'main_window'));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run "npm run build:renderer" first.`);
  }
  serveRenderer(rendererDir);

  // Staff settings restart the core in place (same window, new configuration); staff «Выход» is
  // a legitimate exit, as for an OS shutdown.
  let firstStart = true;
  core = await startCoreHost({
    dataDir,
    configFile,
    loadConfig: () => (firstStart ? config : loadKioskConfig({ file: configFile })),
    logger,
    exit: () => setTimeout(() => allowExit('staff-exit'), 200),
    onStarted: () => {
      firstStart = false;
    },
  });
  // Stable across restarts: always reaches the core running now.
  const dispatch = core.dispatch;
  ipcMain.handle(KIOSK_CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<KioskResult<unknown>> => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
      log('warn', 'kiosk API call from an untrusted frame refused', { frameUrl: frame?.url });
      return { ok: false, error: { code: 'unknown-method', message: { key: 'errors.unknown-method' } } };
    }
    return dispatch(typeof method === 'string' ? method : '', input);
  });
  // One subscription to the host for the whole process (it survives core restarts); each page
  // that asked gets the events, a snapshot first. A reloaded page asks again and gets a new snapshot.
  const events = core.events;
  const subscribedPages = new Map<number, WebContents>();
  events.subscribe((event) => {
    for (const contents of subscribedPages.values()) sendKioskEvent(contents, event);
  });
  ipcMain.on(KIOSK_SUBSCRIBE_CHANNEL, (event) => {
    const frame = event.senderFrame;
    if (!frame || !isTrustedSender(frame.url, frame.parent === null)) {
      log('warn', 'kiosk events subscription from an untrusted frame refused', { frameUrl: frame?.url });
      return;
    }
    const contents = event.sender;
    if (!subscribedPages.has(contents.id)) {
      subscribedPages.set(contents.id, contents);
      contents.once('destroyed', () => subscribedPages.delete(contents.id));
    }
    sendKioskEvent(contents, { type: 'snapshot', data: events.snapshot() });
  });

  mainWindow = createWindow(config.ui.orientation);
  keepDisplayAwakeDuringOpeningHours();
  // Linux and macOS announce an OS shutdown here; Windows through the window's 'session-end'.
  powerMonitor.on('shutdown', () => allowExit('os-shutdown'));
  log('info', 'electron shell started', { production, rendererDir });
}

/** Only to the top frame, and only while it shows our own page (never to a page it was navigated to). */
function sendKioskEvent(contents: WebContents, event: KioskEvent): void {
  if (contents.isDestroyed()) return;
  const top = contents.mainFrame;
  if (!isTrustedSender(top.url, true)) return;
  top.send(KIOSK_EVENT_CHANNEL, event);
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log('warn', 'permission request denied', { permission });
    callback(permissionDecision(permission));
  });
  ses.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  ses.setDevicePermissionHandler(() => permissionDecision('device'));
  // The page never talks to the network itself (billing goes through the core in this process),
  // so any http(s) or WebSocket request from a renderer is cancelled, whatever the CSP says.
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (details, callback) => {
    log('warn', 'network request from the renderer blocked', { url: details.url });
    callback({ cancel: true });
  });
}

function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? resolveAppAsset(rendererDir, request.url) : null;
    if (file !== null) {
      try {
        const body = await fs.promises.readFile(file);
        return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          status: 200,
          headers: { ...securityHeaders(), 'Content-Type': mimeTypeFor(file) },
        });
      } catch {
        // Missing file or a directory: the same 404 as a refused path.
      }
    }
    return new Response('Not found', { status: 404, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
  });
}

/** Applied to every WebContents Electron creates, not only our window's, so nothing slips through. */
function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    log('warn', 'window.open refused', { url });
    return { action: 'deny' };
  });
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log('warn', 'navigation refused', { url });
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (shouldIgnoreKey(input, { production })) event.preventDefault();
  });
  // Pinch zoom would leave the layout magnified for the next customer.
  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => log('warn', 'could not limit pinch zoom', { error }));
  });
}

function createWindow(orientation: ScreenOrientation): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions({ production, preloadPath: path.join(buildDir, 'preload.js'), orientation }));
  const contents = window.webContents;
  const reloadToStart = () => {
    if (exitAllowed || window.isDestroyed()) return;
    window.loadURL(APP_START_URL).catch((error: unknown) => log('error', 'could not load the start screen', { error }));
  };

  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (exitAllowed) return;
    event.preventDefault();
    log('warn', 'window close ignored (no staff exit)');
  });
  window.on('session-end', () => allowExit('os-session-end'));

  // A crashed page must not leave a blank screen: reload the start screen, slower when it keeps crashing.
  let lastCrash = 0;
  contents.on('render-process-gone', (_event, details) => {
    log('error', 'renderer process gone; reloading the start screen', { reason: details.reason, exitCode: details.exitCode });
    const now = Date.now();
    const delay = now - lastCrash < 30_000 ? 5_000 : 0;
    lastCrash = now;
    setTimeout(reloadToStart, delay);
  });
  // A hung page gets a short grace period (a slow kiosk PC can stall briefly), then it is killed;
  // the 'render-process-gone' handler above brings the start screen back.
  let hangTimer: NodeJS.Timeout | null = null;
  contents.on('unresponsive', () => {
    log('warn', 'renderer unresponsive');
    hangTimer ??= setTimeout(() => {
      hangTimer = null;
      log('error', 'renderer still unresponsive; restarting it');
      if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
    }, 10_000);
  });
  contents.on('responsive', () => {
    if (hangTimer) clearTimeout(hangTimer);
    hangTimer = null;
  });

  reloadToStart();
  return window;
}

/** Keeps the screen on while the office is open and lets it sleep at night; re-checked every minute. */
function keepDisplayAwakeDuringOpeningHours(): void {
  let blockerId: number | null = null;
  const update = () => {
    const open = isWithinOpeningHours(new Date());
    if (open && blockerId === null) {
      blockerId = powerSaveBlocker.start('prevent-display-sleep');
    } else if (!open && blockerId !== null) {
      powerSaveBlocker.stop(blockerId);
      blockerId = null;
    }
  };
  update();
  setInterval(update, 60_000).unref();
}

function failStart(error: unknown): void {
  log('error', 'the kiosk could not start', { error });
  // A technician at the screen needs to see why, in one paragraph that names the file and says what
  // to do (before 'ready' on Linux this goes to stderr). It is not retried, it would only loop; the
  // exit code tells a service manager.
  dialog.showErrorBox('Терминал не запущен', explainStartFailure(error, { dataDir, configFile: configFileFor(dataDir) }));
  app.exit(1);
}
