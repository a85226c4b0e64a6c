// Browser mode: the kiosk core under plain Node, serving the renderer on 127.0.0.1, for machines
// without Electron's binary (and for tests). Prints `Kiosk ready: <url>` once it can serve. Staff
// settings restart the core in place behind the same HTTP transport; staff «Выход» stops the process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadKioskConfig } from '../core/config/kiosk-config';
import { createLogger } from '../core/logging/logger';
import { startCoreHost } from '../core/host/core-host';
import { explainStartFailure } from '../core/host/start-failure';
import { makeDataFolderPrivate } from '../core/store/private-data-folder';
import { startHttpTransport } from './http-transport';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const dataDir = path.resolve(process.env.KIOSK_DATA_DIR ?? '.kiosk-data');
const configFile = path.resolve(process.env.KIOSK_CONFIG ?? path.join(dataDir, 'kiosk-config.json'));

async function main(): Promise<void> {
  makeDataFolderPrivate(dataDir);
  // Read once here so a bad file stops the start with its message before anything else happens.
  const config = loadKioskConfig({ file: configFile });
  const logger = createLogger({ file: path.join(dataDir, 'logs', 'kiosk.log'), level: 'info' });
  const rendererDir = path.resolve(process.env.KIOSK_RENDERER_DIR ?? path.join(import.meta.dirname, '..', 'renderer', 'main_window'));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing). Run "npm run build" first.`);
  }

  let stop: (reason: string) => Promise<void> = async () => process.exit(0);
  let firstStart = true;
  const host = await startCoreHost({
    dataDir,
    configFile,
    loadConfig: () => (firstStart ? config : loadKioskConfig({ file: configFile })),
    logger,
    // A moment's delay lets the staff screen receive the answer before the sockets close.
    exit: () => setTimeout(() => void stop('staff exit'), 200),
    onStarted: (core) => {
      firstStart = false;
      if (core.services.trainingMode) console.log(`Training mode: built-in reference billing server at ${core.billingUrl}`);
    },
  });
  // The transport calls the host's dispatch and follows the host's events, which always reach the core running now.
  const transport = await startHttpTransport({ dispatch: host.dispatch, events: host.events, rendererDir, port: config.httpPort, logger });
  console.log(`Kiosk ready: ${transport.url}`);

  let browser: ReturnType<typeof spawn> | null = null;
  if (process.env.KIOSK_HEADLESS !== '1') {
    const chromium = [process.env.KIOSK_CHROMIUM, ...CHROMIUM_CANDIDATES].find((candidate) => candidate && fs.existsSync(candidate));
    if (chromium) {
      browser = spawn(
        chromium,
        [
          `--app=${transport.url}`,
          '--kiosk',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-translate',
          '--disable-pinch',
          '--overscroll-history-navigation=0',
          `--user-data-dir=${path.join(dataDir, 'chromium-profile')}`,
        ],
        { stdio: 'ignore' },
      );
      console.log(`Opened ${chromium} in kiosk mode.`);
    } else {
      console.log('No Chromium found: open the URL above in a browser, or install Chromium (apt-get install chromium).');
    }
  }

  let stopping = false;
  stop = async (reason) => {
    if (stopping) return;
    stopping = true;
    logger.info('kiosk stopping', { reason });
    console.log(`Kiosk stopping (${reason}).`);
    browser?.kill();
    await transport.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

// One paragraph that says which file, what is wrong and what to do; the process exits, so the kiosk
// never serves half-started (a service manager sees the exit code).
main().catch((error: unknown) => {
  console.error(explainStartFailure(error, { dataDir, configFile }));
  process.exit(1);
});
