// `npm run bench`: the kiosk's benchmark suite (issue 8). It runs every benchmark on this machine —
// browser mode, the reference billing server on loopback, Debian's Chromium via playwright-core —
// prints a table (median, p95, target, floor, status) and writes every raw figure and the machine to
// bench/results.json. Each benchmark warms up first. The floor is what this machine allows for the
// same work with the application taken out (a bare process start, an empty tap, a raw fsync, …).
//
//   npm run bench                      full run (several minutes)
//   node scripts/bench.mjs --smoke     every benchmark with tiny sizes, targets not judged (npm test)
//   node scripts/bench.mjs --only=drain,soak   a subset (keys: see BENCHMARKS below)
//   --build                            rebuild first (npm run build); otherwise the existing build is measured
//   --soak=N                           a soak of N sessions instead of the default
//
// It exits non-zero only when a benchmark could not run; missed targets are reported, not fatal.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { BenchPrinter, rawPrintRoundTrips } from './bench/printer-emulator.mjs';
import {
  BUILD_OUTPUTS,
  ROOT,
  billingApi,
  builtFile,
  collectGarbage,
  kioskApi,
  request,
  residentMb,
  snapshotBuild,
  spawnNode,
  startBillingServer,
  startCountingProxy,
  startHelloServer,
  startKiosk,
} from './bench/processes.mjs';
import { formatTable, median, percentile, round, show, summarize } from './bench/stats.mjs';
import {
  DEMO_PASSWORD,
  firstContentfulPaint,
  journeyCalls,
  keyPresses,
  launchBrowser,
  screenTransitions,
  soak,
  statementRender,
} from './bench/ui.mjs';

const args = process.argv.slice(2);
const SMOKE = args.includes('--smoke');
const ONLY = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
  .filter(Boolean);

const BENCHMARKS = [
  'sizes',
  'enqueue',
  'receipt',
  'billing',
  'drain',
  'cold',
  'api',
  'fcp',
  'taps',
  'keys',
  'statement',
  'journeys',
  'soak',
];
if (ONLY?.some((key) => !BENCHMARKS.includes(key))) {
  console.error(`Unknown benchmark in --only. Known: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const selected = (key) => !ONLY || ONLY.includes(key);

const SIZES = SMOKE
  ? {
      cold: { warmup: 0, repetitions: 1 },
      fcp: { warmup: 0, repetitions: 1 },
      taps: { warmup: 0, repetitions: 1 },
      keys: { warmup: 0, repetitions: 1 },
      statementApi: { warmup: 1, repetitions: 3 },
      statementRender: { warmup: 0, repetitions: 1 },
      receipt: { warmup: 5, iterations: 20 },
      print: { warmup: 1, repetitions: 3 },
      enqueue: { warmup: 5, iterations: 50 },
      drain: { count: 60 },
      billing: { warmupSeconds: 0.1, seconds: 0.3, concurrency: 8 },
      // Settle pauses let the page's timers and the GC quiet down before memory is read; the smoke run only proves the soak runs.
      soak: { warmupSessions: 0, sessions: 1, settleMs: 200 },
    }
  : {
      cold: { warmup: 2, repetitions: 20 },
      fcp: { warmup: 2, repetitions: 20 },
      taps: { warmup: 2, repetitions: 20 },
      keys: { warmup: 1, repetitions: 10 },
      statementApi: { warmup: 10, repetitions: 100 },
      statementRender: { warmup: 3, repetitions: 20 },
      receipt: { warmup: 300, iterations: 3000 },
      print: { warmup: 5, repetitions: 50 },
      enqueue: { warmup: 200, iterations: 5000 },
      drain: { count: 10_000 },
      billing: { warmupSeconds: 2, seconds: 8, concurrency: 16 },
      soak: { warmupSessions: 10, sessions: 500, settleMs: 2000 },
    };

// --soak=N: a soak of N sessions instead (for looking into memory without waiting for 500).
const soakOverride = Number(args.find((arg) => arg.startsWith('--soak='))?.slice('--soak='.length));
if (soakOverride > 0) SIZES.soak.sessions = soakOverride;

/** Chromium's CPU throttling for the kiosk-class column: an Atom or Celeron kiosk PC is several times slower than this machine. */
const KIOSK_CLASS_CPU_RATE = 4;

// The UI targets hold under ×4 throttling, measured in the page (the key press also unthrottled).
const TARGETS = {
  coldStartMs: 1000,
  fcpMs: 500,
  tapP95Ms: 50,
  loginP95Ms: 250,
  keyP95Ms: 16.7,
  keyThrottledP95Ms: 33,
  statementApiMs: 30,
  statementRenderMs: 100,
  readingsScreenCalls: 2,
  readingsBillingCalls: 2,
  startJsGzipKb: 100,
  jsGzipKb: 150,
  cssGzipKb: 20,
  receiptBuildMs: 5,
  printMs: 50,
  enqueueToFsync: 1.5,
  drainPerSecond: 500,
  summaryPerSecond: 2000,
  soakRssGrowthMb: 20,
  soakHeapDriftPercent: 10,
};

const log = (message) => console.log(message);
const ufaToday = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const roundAll = (samples) => samples.map((value) => round(value));

/** @type {Record<string, any>} */
const results = {};
/** Floors measured by one benchmark and quoted by another. */
const floors = {};
/** @type {Array<{ name: string; median: string; p95: string; throttledMedian: string; throttledP95: string; n: string; target: string; floor: string; status: string }>} */
const rows = [];
const failures = [];

function status(ok) {
  if (SMOKE) return 'smoke';
  return ok ? 'PASS' : 'MISS';
}

/**
 * One line of the table. `throttled` is the same figure under ×4 CPU throttling (UI benchmarks);
 * `n` the number of samples (of each column).
 */
function row(name, { median: mid = '—', p95 = '—', throttled = null, n = '—', target = '—', floor = '—', ok = null, note = '' }) {
  const verdict = ok === null ? (SMOKE ? 'smoke' : 'info') : status(ok);
  rows.push({
    name,
    median: mid,
    p95,
    throttledMedian: throttled?.median ?? '—',
    throttledP95: throttled?.p95 ?? '—',
    n: String(n),
    target,
    floor,
    status: note ? `${verdict} (${note})` : verdict,
  });
}

/** A UI figure's row: both columns from their samples, in ms (no ×4 column where the smoke run did not throttle: the same samples). */
function uiRow(name, normal, throttled, options) {
  row(name, {
    median: show(median(normal), 'ms'),
    p95: show(percentile(normal, 95), 'ms'),
    throttled: throttled === normal ? null : { median: show(median(throttled), 'ms'), p95: show(percentile(throttled, 95), 'ms') },
    n: normal.length === throttled.length ? normal.length : `${normal.length} / ${throttled.length}`,
    ...options,
  });
}

/**
 * Runs a UI benchmark at this machine's speed, then under ×4 CPU throttling. The smoke run, which
 * only proves the suite still runs (and stays within `npm test`'s 30 s for it), measures at this
 * machine's speed alone and shows no ×4 column.
 */
async function atBothSpeeds(measure) {
  const normal = await measure(1);
  const throttledRate = SMOKE ? 1 : KIOSK_CLASS_CPU_RATE;
  const throttled = SMOKE ? normal : await measure(throttledRate);
  return {
    normal,
    throttled,
    /** Both runs' figures for results.json, each as `figuresOf` makes them, the second with the rate it really ran at. */
    figures: (figuresOf) => ({ normal: figuresOf(normal), throttled: { cpuRate: throttledRate, ...figuresOf(throttled) } }),
  };
}

async function benchmark(key, title, run) {
  if (!selected(key)) return;
  log(`\n— ${title}`);
  const start = performance.now();
  try {
    await run();
    log(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push({ key, message });
    results[key] = { ...(results[key] ?? {}), error: message };
    row(title, {});
    rows[rows.length - 1].status = 'ERROR';
    console.error(`  ${title} failed: ${message}`);
  }
}

// --- preparation -------------------------------------------------------------------------------

function ensureBuild() {
  const outputs = BUILD_OUTPUTS.map((file) => path.join(ROOT, '.vite', file));
  if (args.includes('--build') || !outputs.every((file) => fs.existsSync(file))) {
    log('Building (npm run build)…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const builtAt = new Date(Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs))).toISOString();
  // Measure a copy: others may rebuild .vite while the bench runs.
  snapshotBuild(path.join(workDir, 'app'));
  return { builtAt };
}

/** Bundles the in-process benchmarks (TypeScript, importing the kiosk core) for plain Node. */
async function bundleCoreBenchmarks(dir) {
  const { build } = await import('esbuild');
  const outfile = path.join(dir, 'core-benchmarks.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'scripts/bench/core-benchmarks.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'node-thermal-printer', 'axios', 'zod', 'sirv', 'iconv-lite', 'qrcode'],
    nodePaths: [path.join(ROOT, 'node_modules')],
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    logLevel: 'error',
  });
  // The bundle's external packages resolve from the project's node_modules.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return import(pathToFileURL(outfile).href);
}

function machine() {
  const cpus = os.cpus();
  const git = (...gitArgs) => {
    try {
      return execFileSync('git', gitArgs, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((value) => round(value, 2)),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedChanges: (git('status', '--porcelain') ?? '').split('\n').filter(Boolean).length,
  };
}

/**
 * Meters that accept readings (verification not expired), one line each, with the last reading,
 * from a reference billing server's SQLite file.
 * @param {{ registeredOnly?: boolean; service?: string; onePerAccount?: boolean }} filter
 */
function metersFromBillingDb(dbFile, filter = {}) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const today = ufaToday();
    const rowsFound = db
      .prepare(
        `SELECT m.account_number AS accountNumber, m.meter_id AS meterId, m.serial_number AS serialNumber, m.service,
                m.integer_digits AS integerDigits,
                (SELECT max(r.value) FROM meter_reading r WHERE r.meter_id = m.meter_id) AS lastValue
           FROM meter m JOIN account a ON a.account_number = m.account_number
          WHERE m.verification_due_on > ? ${filter.registeredOnly ? 'AND a.password_hash IS NOT NULL' : ''}
                ${filter.service ? 'AND m.service = ?' : ''}
          ORDER BY m.account_number, m.meter_id`,
      )
      .all(...[today, ...(filter.service ? [filter.service] : [])]);
    const seen = new Set();
    return rowsFound.filter((meter) => {
      if (meter.lastValue === null) return false;
      if (filter.onePerAccount && seen.has(meter.accountNumber)) return false;
      seen.add(meter.accountNumber);
      return true;
    });
  } finally {
    db.close();
  }
}

// --- the run -------------------------------------------------------------------------------------

const runStart = performance.now();
const startedAt = new Date().toISOString();
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
const cleanups = [];
let exitCode = 0;
const info = machine();

try {
  log(`Kiosk benchmarks — ${SMOKE ? 'SMOKE run (tiny sizes, targets not judged)' : 'full run'}; work folder ${workDir}`);
  results.build = ensureBuild();
  log(`${info.cpuModel}, ${info.cores} cores, Node ${info.node}, load average ${info.loadAverageAtStart.join(' ')}`);
  if (!SMOKE && info.loadAverageAtStart[0] > info.cores * 0.5) {
    log(`WARNING: the machine is busy (load ${info.loadAverageAtStart[0]} on ${info.cores} cores): figures may be disturbed.`);
  }
  const core = await bundleCoreBenchmarks(fs.mkdtempSync(path.join(workDir, 'bundle-')));
  const printer = new BenchPrinter();
  const printerInterface = await printer.start();
  cleanups.push(() => printer.stop());

  // --- static: what the renderer weighs over the wire ------------------------------------------
  await benchmark('sizes', 'renderer size (gzip)', async () => {
    const assets = builtFile('renderer/main_window/assets');
    const files = fs.readdirSync(assets).filter((file) => /\.(js|css)$/.test(file));
    const measure = (extension) => {
      const list = files.filter((file) => file.endsWith(extension));
      const bytes = list.map((file) => fs.readFileSync(path.join(assets, file)));
      const sum = (values) => values.reduce((total, value) => total + value, 0);
      return {
        files: list,
        rawBytes: sum(bytes.map((data) => data.length)),
        gzipBytes: sum(bytes.map((data) => zlib.gzipSync(data).length)),
        gzip9Bytes: sum(bytes.map((data) => zlib.gzipSync(data, { level: 9 }).length)),
      };
    };
    const js = measure('.js');
    const css = measure('.css');
    // What the start screen loads: the entry script of index.html, what it imports statically
    // (Vite's shared chunks), and the kiosk it imports once the prerendered screen is painted
    // (src-renderer/main.ts); the lazily imported screens and catalogs come later, if at all.
    const entry = /src="\.\/assets\/([^"]+\.js)"/.exec(fs.readFileSync(builtFile('renderer/main_window/index.html'), 'utf8'))?.[1];
    const startFiles = new Set();
    const visit = (file) => {
      if (!file || startFiles.has(file)) return;
      startFiles.add(file);
      const source = fs.readFileSync(path.join(assets, file), 'utf8');
      for (const [, imported] of source.matchAll(/(?:^|[;\n])import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(imported);
      if (file === entry) for (const [, imported] of source.matchAll(/\bimport\(["']\.\/([^"']+\.js)["']\)/g)) visit(imported);
    };
    visit(entry);
    const startGzipBytes = [...startFiles].reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, file))).length, 0);
    results.sizes = {
      js,
      css,
      start: { files: [...startFiles], gzipBytes: startGzipBytes },
      note: 'gzip at zlib’s default level (6), each file on its own; browser mode’s sirv is configured with gzip: false, so it actually sends the raw bytes',
    };
    const kb = (bytes) => bytes / 1024;
    row('renderer JS, gzip (start screen)', {
      n: startFiles.size,
      median: show(kb(startGzipBytes), 'KB'),
      target: `≤ ${TARGETS.startJsGzipKb} KB`,
      floor: `${startFiles.size} file(s)`,
      ok: kb(startGzipBytes) <= TARGETS.startJsGzipKb,
    });
    row('renderer JS, gzip (whole app)', {
      n: js.files.length,
      median: show(kb(js.gzipBytes), 'KB'),
      target: `≤ ${TARGETS.jsGzipKb} KB`,
      // The bytes too: the figure rounds to three digits, and the target is close.
      floor: `${js.gzipBytes.toLocaleString('en-US')} bytes; raw ${show(kb(js.rawBytes), 'KB')}, ${js.files.length} files`,
      ok: kb(js.gzipBytes) <= TARGETS.jsGzipKb,
    });
    row('renderer CSS, gzip (whole app)', {
      n: css.files.length,
      median: show(kb(css.gzipBytes), 'KB'),
      target: `≤ ${TARGETS.cssGzipKb} KB`,
      floor: `raw ${show(kb(css.rawBytes), 'KB')}`,
      ok: kb(css.gzipBytes) <= TARGETS.cssGzipKb,
    });
  });

  // --- in process: the outbox's commit, then receipts ------------------------------------------
  // Measured on a quiet disk: before the billing server seeds its database, and after `sync` has
  // written back what the build and the bundling left dirty. Otherwise that write-back lands in
  // some enqueues' fsyncs (p99 1.9× in a full run against 1.2× alone); on a kiosk the billing
  // centre's disk is another machine's.
  await benchmark('enqueue', 'outbox enqueue vs raw fsync', async () => {
    execFileSync('sync');
    const { enqueue, fsync, enqueueWithoutSync, fsyncAfterWork, workMs } = core.enqueueVsFsync(
      path.join(workDir, 'enqueue'),
      SIZES.enqueue,
    );
    const e = summarize(enqueue);
    const f = summarize(fsync);
    const u = summarize(enqueueWithoutSync);
    const w = summarize(fsyncAfterWork);
    const ratio = e.p99 / f.p99;
    results.enqueue = {
      what: 'Outbox.enqueue (one transaction, synchronous=FULL, WAL) alternated with write+fsync of a 512-byte file in the same folder',
      folder: workDir,
      enqueue: { summary: e, samples: roundAll(enqueue) },
      fsync: { summary: f, samples: roundAll(fsync) },
      enqueueWithoutSync: {
        what: 'the same enqueue on a database with synchronous=OFF',
        summary: u,
        samples: roundAll(enqueueWithoutSync),
      },
      fsyncAfterWork: {
        what: `the raw write+fsync after a ${round(workMs)} ms busy wait: as much CPU as the enqueue's own work (its median without fsync)`,
        summary: w,
        samples: roundAll(fsyncAfterWork),
      },
      p99Ratio: round(ratio),
      medianRatio: round(e.median / f.median),
    };
    row('outbox enqueue (synchronous=FULL)', {
      median: show(e.median, 'ms'),
      n: e.n,
      p95: show(e.p95, 'ms'),
      target: `p99 ≤ ${TARGETS.enqueueToFsync} × fsync p99`,
      floor: `fsync p99 ${show(f.p99, 'ms')}`,
      ok: ratio <= TARGETS.enqueueToFsync,
      note: `p99 ${show(e.p99, 'ms')} = ${ratio.toFixed(2)}×; without fsync: median ${show(u.median, 'ms')}; a raw fsync after as much CPU: p99 ${show(w.p99, 'ms')} = ${(w.p99 / f.p99).toFixed(2)}×`,
    });
  });

  // The billing centre as its own process, for the billing server's own figures and the drain.
  let billing = null;
  const needBilling = ['receipt', 'billing', 'drain'].some(selected);
  if (needBilling) {
    billing = await startBillingServer({ dbFile: path.join(workDir, 'billing', 'billing.sqlite') });
    cleanups.push(() => billing?.stop());
  }

  await benchmark('receipt', 'receipt ESC/POS build', async () => {
    const client = billingApi(billing.url);
    const session = await client.login('820000001', DEMO_PASSWORD);
    const invoice = JSON.parse((await client.get('/account/invoice', session.token)).text);
    client.close();
    const { samples, bytes } = core.receiptBuild(invoice, SIZES.receipt);
    const summary = summarize(samples);
    results.receipt = {
      what: 'payment slip with QR: slip → receipt model → layout → ESC/POS bytes',
      bytes,
      summary,
      samples: roundAll(samples),
    };
    row('receipt ESC/POS build (payment slip)', {
      median: show(summary.median, 'ms'),
      n: summary.n,
      p95: show(summary.p95, 'ms'),
      target: `median ≤ ${TARGETS.receiptBuildMs} ms`,
      ok: summary.median <= TARGETS.receiptBuildMs,
    });
  });

  // --- the reference billing server -------------------------------------------------------------
  await benchmark('billing', 'reference billing server: account summary', async () => {
    const client = billingApi(billing.url, 'BENCH-01', SIZES.billing.concurrency);
    const session = await client.login('820000001', DEMO_PASSWORD);
    const summaryPath = `${billing.url}/api/v1/account/summary`;
    const headers = { ...client.headers, Authorization: `Bearer ${session.token}` };
    const load = await loadTest(summaryPath, headers, SIZES.billing, client.agent);
    client.close();
    const hello = await startHelloServer();
    let ceiling;
    try {
      ceiling = await loadTest(`${hello.url}/`, {}, SIZES.billing);
    } finally {
      await hello.stop();
    }
    results.billing = {
      what: `GET /api/v1/account/summary with ${SIZES.billing.concurrency} concurrent keep-alive connections for ${SIZES.billing.seconds} s`,
      requestsPerSecond: round(load.perSecond, 1),
      errors: load.errors,
      latency: summarize(load.latencies),
      helloWorldCeiling: { requestsPerSecond: round(ceiling.perSecond, 1), latency: summarize(ceiling.latencies) },
    };
    row('billing server: account summary', {
      median: show(load.perSecond, 'req/s'),
      n: load.latencies.length,
      p95: `${show(percentile(load.latencies, 95), 'ms')} latency`,
      target: `≥ ${TARGETS.summaryPerSecond} req/s`,
      floor: `hello-world ${show(ceiling.perSecond, 'req/s')}`,
      ok: load.perSecond >= TARGETS.summaryPerSecond && load.errors === 0,
      note: load.errors > 0 ? `${load.errors} errors` : '',
    });
  });

  await benchmark('drain', 'outbox drain to the reference server', async () => {
    const needed = Math.ceil(SIZES.drain.count / 50);
    const meters = metersFromBillingDb(path.join(workDir, 'billing', 'billing.sqlite'))
      .map((meter) => ({
        accountNumber: meter.accountNumber,
        meterId: meter.meterId,
        base: Math.ceil(meter.lastValue),
        digits: meter.integerDigits,
      }))
      .filter((meter, _index, all) => meter.base + 2 * Math.ceil(SIZES.drain.count / all.length) + 2 < 10 ** meter.digits);
    if (meters.length < Math.min(needed, 20)) throw new Error(`only ${meters.length} meters accept readings in the demo data`);
    // The ceiling, measured first on the fresh server: the billing server taking readings straight
    // from a lean client, as many in flight as the outbox worker sends (4).
    const direct = await postReadingsDirectly(billing.url, meters, {
      count: Math.max(100, Math.round(SIZES.drain.count / 10)),
      concurrency: 4,
      firstValueOffset: 1,
    });
    const drain = await core.outboxDrain({
      dataDir: path.join(workDir, 'drain'),
      billingUrl: billing.url,
      meters: meters.map(({ accountNumber, meterId, base }) => ({ accountNumber, meterId, base })),
      count: SIZES.drain.count,
      timeoutMs: SMOKE ? 60_000 : 600_000,
    });
    const accounts = new Set(meters.map((meter) => meter.accountNumber)).size;
    results.drain = {
      what: `${drain.queued} readings queued for ${meters.length} meters of ${accounts} accounts, then the kiosk core started`,
      ...drain,
      billingAlone: { what: 'POST /api/v1/accounts/{account}/readings straight from a client, 4 in flight', ...direct },
    };
    const complete = drain.pendingLeft === 0 && drain.rejected === 0;
    row(`outbox drain: ${drain.queued} queued readings`, {
      median: show(drain.perSecond, '/s'),
      n: drain.queued,
      target: `≥ ${TARGETS.drainPerSecond} /s`,
      floor: `billing alone ${show(direct.perSecond, '/s')}`,
      ok: drain.perSecond >= TARGETS.drainPerSecond && complete,
      note: complete
        ? `${show(drain.seconds, 's')} in all`
        : `${drain.rejected} rejected, ${drain.pendingLeft} left${drain.firstRejection ? `: ${drain.firstRejection}` : ''}`,
    });
  });
  if (billing) {
    await billing.stop();
    billing = null;
  }

  // --- the kiosk in browser mode -----------------------------------------------------------------
  const needKiosk = ['cold', 'api', 'fcp', 'taps', 'keys', 'statement', 'journeys', 'soak'].some(selected);
  let kiosk = null;
  const kioskDir = path.join(workDir, 'kiosk');
  const kioskEnv = { KIOSK_PRINTER: printerInterface, KIOSK_PRINTER_WIDTH_MM: '80' };
  if (needKiosk) {
    fs.mkdirSync(kioskDir, { recursive: true });
    // The first start generates the training billing data; every start after reuses it.
    const first = await startKiosk({ dataDir: kioskDir, env: kioskEnv });
    log(`\nKiosk data generated on first start in ${show(first.readyMs, 'ms')}`);
    results.firstStartMs = round(first.readyMs);
    await first.stop();
  }

  await benchmark('cold', 'browser mode cold start', async () => {
    const samples = [];
    const floor = [];
    for (let index = 0; index < SIZES.cold.warmup + SIZES.cold.repetitions; index += 1) {
      const bare = await spawnNode(['-e', "console.log('ready')"], {}, /ready/, 20_000);
      await bare.stop();
      const started = await startKiosk({ dataDir: kioskDir, env: kioskEnv });
      await started.stop();
      if (index >= SIZES.cold.warmup) {
        samples.push(started.readyMs);
        floor.push(bare.readyMs);
      }
    }
    const summary = summarize(samples);
    results.cold = {
      what: 'spawn of node .vite/node/browser-mode.js (as npm start) → "Kiosk ready" on stdout, training data reused',
      summary,
      samples: roundAll(samples),
      floor: { what: 'node -e "console.log(...)"', summary: summarize(floor), samples: roundAll(floor) },
    };
    row('browser mode cold start → Kiosk ready', {
      median: show(summary.median, 'ms'),
      n: summary.n,
      p95: show(summary.p95, 'ms'),
      target: `median ≤ ${TARGETS.coldStartMs} ms`,
      floor: `bare node ${show(median(floor), 'ms')}`,
      ok: summary.median <= TARGETS.coldStartMs,
    });
  });

  let customer = null;
  if (needKiosk && ['api', 'fcp', 'taps', 'keys', 'statement', 'journeys', 'soak'].some(selected)) {
    // --inspect-port=0: inert until the soak switches the inspector on to collect garbage.
    kiosk = await startKiosk({ dataDir: kioskDir, env: kioskEnv, nodeArgs: ['--inspect-port=0'] });
    cleanups.push(() => kiosk?.stop());
    // Customers with a hot-water meter that accepts readings (the soak spreads its sessions over them).
    const candidates = metersFromBillingDb(path.join(kioskDir, 'training-billing.sqlite'), {
      registeredOnly: true,
      service: 'hot-water',
      onePerAccount: true,
    });
    if (candidates.length === 0) throw new Error('no registered demo account has a hot-water meter that accepts readings');
    customer = candidates.find((candidate) => candidate.accountNumber === '820000001') ?? candidates[0];
    customer.all = candidates;
  }

  await benchmark('api', 'kiosk API: statement and printing', async () => {
    const api = kioskApi(kiosk);
    const billingClient = billingApi(kiosk.billingUrl, 'BENCH-FLOOR');
    try {
      const login = await api.call('session.login', { accountNumber: customer.accountNumber, password: DEMO_PASSWORD });
      if (!login.result.ok) throw new Error(`session.login refused: ${JSON.stringify(login.result.error)}`);
      const current = await api.call('charges.current', {});
      if (!current.result.ok) throw new Error(`charges.current refused: ${JSON.stringify(current.result.error)}`);
      const to = current.result.value.defaultTo;
      const [year, month] = to.split('-').map(Number);
      const fromIndex = year * 12 + (month - 1) - 35;
      const from = `${Math.floor(fromIndex / 12)}-${String((fromIndex % 12) + 1).padStart(2, '0')}`;

      const statement = [];
      const floor = [];
      const floorSession = await billingClient.login(customer.accountNumber, DEMO_PASSWORD);
      for (let index = 0; index < SIZES.statementApi.warmup + SIZES.statementApi.repetitions; index += 1) {
        const answer = await api.call('charges.statement', { from, to });
        if (!answer.result.ok) throw new Error(`charges.statement refused: ${JSON.stringify(answer.result.error)}`);
        if (answer.result.value.months?.length !== 36) throw new Error(`expected 36 months, got ${answer.result.value.months?.length}`);
        const direct = await billingClient.get(`/account/statement?from=${from}&to=${to}`, floorSession.token);
        if (direct.status !== 200) throw new Error(`billing statement: ${direct.status}`);
        if (index >= SIZES.statementApi.warmup) {
          statement.push(answer.ms);
          floor.push(direct.ms);
        }
      }
      const s = summarize(statement);
      results.statementApi = {
        what: `POST /api/charges.statement ${from}..${to} (36 months) over the loopback transport, logged in as ${customer.accountNumber}`,
        summary: s,
        samples: roundAll(statement),
        floor: {
          what: 'the billing server alone: GET /api/v1/account/statement, same period',
          summary: summarize(floor),
          samples: roundAll(floor),
        },
      };
      row('36-month statement: kiosk API time', {
        median: show(s.median, 'ms'),
        n: s.n,
        p95: show(s.p95, 'ms'),
        target: `median ≤ ${TARGETS.statementApiMs} ms`,
        floor: `billing alone ${show(median(floor), 'ms')}`,
        ok: s.median <= TARGETS.statementApiMs,
      });

      // Printing end to end: a readings confirmation of this visit, API call → bytes at the printer, confirmed.
      const meters = await api.call('readings.meters', {});
      const meter = meters.result.value.meters.find((candidate) => candidate.meterId === customer.meterId);
      if (!meter?.acceptsReadings) throw new Error(`meter ${customer.meterId} does not accept readings`);
      const submitted = await api.call('readings.submit', {
        readings: [{ meterId: meter.meterId, value: String(Math.floor(meter.lastReading?.value ?? 0) + 1) }],
        confirmHighConsumption: true,
      });
      if (!submitted.result.ok) throw new Error(`readings.submit refused: ${JSON.stringify(submitted.result.error)}`);
      const document = { type: 'readings-confirmation', localReference: submitted.result.value.localReference };
      const printing = [];
      const printFloor = [];
      let bytes = null;
      for (let index = 0; index < SIZES.print.warmup + SIZES.print.repetitions; index += 1) {
        const jobsBefore = printer.jobs.length;
        const answer = await api.call('print.document', { document });
        if (!answer.result.ok || answer.result.value.status !== 'printed')
          throw new Error(`print.document: ${JSON.stringify(answer.result)}`);
        // The job is complete at the printer when its connection closed (the floor's raw jobs have no cut).
        const printed = () => printer.jobs.slice(jobsBefore).find((candidate) => candidate.cut);
        for (let wait = 0; !printed() && wait < 1000; wait += 1) await sleep(1);
        const job = printed();
        if (!job?.cut) throw new Error('the printer did not receive a complete, cut receipt');
        bytes = job.bytes;
        const raw = await rawPrintRoundTrips(printerInterface, Buffer.alloc(job.bytes, 0x41));
        if (index >= SIZES.print.warmup) {
          printing.push(answer.ms);
          printFloor.push(raw);
        }
      }
      const p = summarize(printing);
      results.print = {
        what: 'POST /api/print.document (readings confirmation): receipt built from the outbox, journaled, ESC/POS, TCP status queries, bytes, confirmation',
        receiptBytes: bytes,
        summary: p,
        samples: roundAll(printing),
        floor: { what: 'raw TCP: connect, 3 status queries, the same number of bytes, 1 status query', summary: summarize(printFloor) },
      };
      row('print to the TCP emulator, end to end', {
        median: show(p.median, 'ms'),
        n: p.n,
        p95: show(p.p95, 'ms'),
        target: `median ≤ ${TARGETS.printMs} ms`,
        floor: `raw TCP ${show(median(printFloor), 'ms')}`,
        ok: p.median <= TARGETS.printMs,
      });
      await api.call('session.logout', {});
    } finally {
      api.close();
      billingClient.close();
    }
  });

  let browser = null;
  if (['fcp', 'taps', 'keys', 'statement', 'journeys', 'soak'].some(selected)) {
    browser = await launchBrowser();
    cleanups.push(() => browser?.close());
    results.chromium = browser.version();
  }

  await benchmark('fcp', 'start screen first contentful paint', async () => {
    const measured = await atBothSpeeds((rate) => firstContentfulPaint(browser, kiosk, SIZES.fcp, rate));
    const figures = (run) => ({ summary: summarize(run.samples), samples: roundAll(run.samples), floor: summarize(run.floor) });
    results.fcp = {
      what: 'first-contentful-paint of the start screen, each in a fresh browser context (cold cache); floor: a one-heading static page from a bare Node server',
      ...measured.figures(figures),
    };
    const throttledP95 = percentile(measured.throttled.samples, 95);
    uiRow('start screen first contentful paint', measured.normal.samples, measured.throttled.samples, {
      target: `×4 p95 ≤ ${TARGETS.fcpMs} ms`,
      floor: `static page ${show(median(measured.normal.floor), 'ms')}, ×4 ${show(median(measured.throttled.floor), 'ms')}`,
      ok: throttledP95 <= TARGETS.fcpMs,
    });
  });

  /** A tap bucket's figures for results.json. */
  const tapFigures = (bucket) => ({
    painted: summarize(bucket.painted),
    firstPaint: summarize(bucket.firstPaint),
    settled: summarize(bucket.settled),
    driver: summarize(bucket.driver),
    samples: roundAll(bucket.painted),
    eventTimingPairs: bucket.eventTimingPairs.map(([probe, eventTiming]) => [round(probe, 1), eventTiming]),
  });
  /** Where Event Timing reported a tap (≥ 16 ms): how far the probe's first paint is from its duration. */
  const eventTimingAgreement = (buckets) => {
    const pairs = buckets.flatMap((bucket) => bucket.eventTimingPairs);
    const gaps = pairs.map(([probe, eventTiming]) => probe - eventTiming);
    return { pairs: pairs.length, medianGapMs: round(median(gaps), 2), maxAbsGapMs: round(Math.max(0, ...gaps.map(Math.abs)), 2) };
  };

  await benchmark('taps', 'tap → next screen painted', async () => {
    const measured = await atBothSpeeds((rate) => screenTransitions(browser, kiosk, customer.accountNumber, SIZES.taps, rate));
    floors.emptyTapMedian = median(measured.normal.emptyTap.painted);
    const figuresOf = (run) => ({
      transitions: Object.fromEntries(Object.entries(run.transitions).map(([key, bucket]) => [key, tapFigures(bucket)])),
      login: tapFigures(run.login),
      emptyTap: tapFigures(run.emptyTap),
      eventTiming: eventTimingAgreement([...Object.values(run.transitions), run.login, run.emptyTap]),
      pageProblems: run.problems,
    });
    results.taps = {
      what: 'Playwright click (real input events); in the page, from the click event’s timeStamp to the frame that shows the target (requestAnimationFrame, then a task after it); "first paint" = the first frame after the click’s handlers, what Event Timing measures; "settled" = also no kiosk API call in flight; "driver" = the same tap timed in Node, protocol round trips included',
      ...measured.figures(figuresOf),
    };
    const allPainted = (run) => Object.values(run.transitions).flatMap((bucket) => bucket.painted);
    const worstThrottled = Math.max(...Object.values(measured.throttled.transitions).map((bucket) => percentile(bucket.painted, 95)));
    uiRow('tap → next screen painted (all main screens)', allPainted(measured.normal), allPainted(measured.throttled), {
      target: `×4 p95 ≤ ${TARGETS.tapP95Ms} ms, each`,
      floor: `empty tap p95 ${show(percentile(measured.normal.emptyTap.painted, 95), 'ms')}, ×4 ${show(percentile(measured.throttled.emptyTap.painted, 95), 'ms')}`,
      ok: worstThrottled <= TARGETS.tapP95Ms,
      note: `worst screen ×4 p95 ${show(worstThrottled, 'ms')}`,
    });
    for (const [key, bucket] of Object.entries(measured.normal.transitions)) {
      const throttled = measured.throttled.transitions[key] ?? { painted: [], settled: [] };
      uiRow(`  ${key}`, bucket.painted, throttled.painted, {
        target: `×4 p95 ≤ ${TARGETS.tapP95Ms} ms`,
        ok: percentile(throttled.painted, 95) <= TARGETS.tapP95Ms,
        note: `with its data ×4 p95 ${show(percentile(throttled.settled, 95), 'ms')}`,
      });
    }
    uiRow('  empty tap (the floor)', measured.normal.emptyTap.painted, measured.throttled.emptyTap.painted, {
      note: `driver-side ${show(median(measured.normal.emptyTap.driver), 'ms')}`,
    });
    const driverAll = Object.values(measured.normal.transitions).flatMap((bucket) => bucket.driver);
    const driverAllThrottled = Object.values(measured.throttled.transitions).flatMap((bucket) => bucket.driver);
    uiRow('  the same taps timed by the driver', driverAll, driverAllThrottled, {
      note: 'for comparison: Playwright click → painted seen from Node',
    });
    const agreement = eventTimingAgreement([
      ...Object.values(measured.normal.transitions),
      ...Object.values(measured.throttled.transitions),
      measured.normal.login,
      measured.throttled.login,
    ]);
    row('  probe vs Event Timing (taps ≥ 16 ms)', {
      median: `${agreement.medianGapMs >= 0 ? '+' : ''}${show(agreement.medianGapMs, 'ms')}`,
      n: agreement.pairs,
      target: 'within its 8 ms steps',
      ok: agreement.pairs === 0 ? null : Math.abs(agreement.medianGapMs) <= 8,
      note: agreement.pairs === 0 ? 'no tap reached 16 ms' : `largest gap ${show(agreement.maxAbsGapMs, 'ms')}`,
    });

    const loginFloor = [];
    const floorClient = billingApi(kiosk.billingUrl, 'BENCH-FLOOR');
    for (let index = 0; index < Math.min(10, SIZES.taps.repetitions); index += 1)
      loginFloor.push((await floorClient.login(customer.accountNumber, DEMO_PASSWORD)).ms);
    floorClient.close();
    results.taps.loginFloor = {
      what: 'the billing server alone: POST /api/v1/sessions (scrypt password check)',
      summary: summarize(loginFloor),
    };
    uiRow('login tap → home painted', measured.normal.login.painted, measured.throttled.login.painted, {
      target: `×4 p95 ≤ ${TARGETS.loginP95Ms} ms`,
      floor: `billing login ${show(median(loginFloor), 'ms')}`,
      ok: percentile(measured.throttled.login.painted, 95) <= TARGETS.loginP95Ms,
    });
  });

  await benchmark('keys', 'keypad key → digit painted', async () => {
    const measured = await atBothSpeeds((rate) => keyPresses(browser, kiosk, SIZES.keys, rate));
    results.keys = {
      what: 'the account number typed on the login screen’s keypad with Playwright clicks: each key’s click timeStamp → the frame that shows the digit in the field',
      ...measured.figures((run) => ({ ...tapFigures(run.keys), pageProblems: run.problems })),
    };
    const normalP95 = percentile(measured.normal.keys.painted, 95);
    const throttledP95 = percentile(measured.throttled.keys.painted, 95);
    uiRow('keypad key → digit painted', measured.normal.keys.painted, measured.throttled.keys.painted, {
      target: `p95 ≤ ${TARGETS.keyP95Ms} ms, ×4 ≤ ${TARGETS.keyThrottledP95Ms} ms`,
      floor: floors.emptyTapMedian === undefined ? '—' : `empty tap ${show(floors.emptyTapMedian, 'ms')}`,
      ok: normalP95 <= TARGETS.keyP95Ms && throttledP95 <= TARGETS.keyThrottledP95Ms,
    });
  });

  await benchmark('statement', '36-month statement render', async () => {
    const measured = await atBothSpeeds((rate) => statementRender(browser, kiosk, customer.accountNumber, SIZES.statementRender, rate));
    const figuresOf = (run) => ({
      render: { summary: summarize(run.render), samples: roundAll(run.render) },
      tapToPainted: { summary: summarize(run.total), samples: roundAll(run.total) },
      apiInPage: { summary: summarize(run.api), samples: roundAll(run.api) },
      pageProblems: run.problems,
    });
    results.statementRender = {
      what: 'tap «Отобразить» (35 → 36 months) → 36 months painted; render = the API answer’s responseEnd (resource timing) → painted',
      ...measured.figures(figuresOf),
    };
    const throttledP95 = percentile(measured.throttled.render, 95);
    uiRow('36-month statement: render time', measured.normal.render, measured.throttled.render, {
      target: `×4 p95 ≤ ${TARGETS.statementRenderMs} ms`,
      floor: floors.emptyTapMedian === undefined ? '—' : `empty tap ${show(floors.emptyTapMedian, 'ms')}`,
      ok: throttledP95 <= TARGETS.statementRenderMs,
      note: `tap → painted ×4 p95 ${show(percentile(measured.throttled.total, 95), 'ms')}`,
    });
  });

  await benchmark('journeys', 'calls per journey', async () => {
    // Its own kiosk against a billing server behind a counting proxy (training mode keeps its
    // billing centre inside the kiosk, where nothing can count its calls from outside).
    const billingDir = path.join(workDir, 'journeys');
    const server = await startBillingServer({ dbFile: path.join(billingDir, 'billing.sqlite') });
    const proxy = await startCountingProxy(server.url);
    let counted = null;
    // All three go before the soak, which must have the machine to itself.
    try {
      counted = await startKiosk({ dataDir: path.join(billingDir, 'kiosk'), env: { ...kioskEnv, KIOSK_BILLING_URL: proxy.url } });
      const chosen = metersFromBillingDb(path.join(billingDir, 'billing.sqlite'), {
        registeredOnly: true,
        service: 'hot-water',
        onePerAccount: true,
      })[0];
      if (!chosen) throw new Error('the billing server has no registered account with a hot-water meter');
      const measured = await journeyCalls(browser, counted, proxy.seen, {
        accountNumber: chosen.accountNumber,
        meterSerial: chosen.serialNumber,
        readingText: String(Math.floor(chosen.lastValue) + 1),
      });
      results.journeys = {
        what: 'screen → core: the page’s kiosk API calls; core → billing: requests through a counting proxy in front of the billing server',
        ...measured.journeys,
        pageProblems: measured.problems,
      };
      const countOf = (calls) => {
        const counts = new Map();
        for (const call of calls) counts.set(call, (counts.get(call) ?? 0) + 1);
        return [...counts].map(([call, count]) => (count > 1 ? `${call} ×${count}` : call)).join(', ');
      };
      for (const [name, calls] of Object.entries(measured.journeys)) {
        const readings = name === 'readings submission';
        row(`journey: ${name}`, {
          median: `${calls.screen.length} screen→core, ${calls.billing.length} core→billing`,
          n: 1,
          target: readings ? `≤ ${TARGETS.readingsScreenCalls} and ≤ ${TARGETS.readingsBillingCalls}` : '—',
          ok: readings ? calls.screen.length <= TARGETS.readingsScreenCalls && calls.billing.length <= TARGETS.readingsBillingCalls : null,
          note: `${countOf(calls.screen)} | ${countOf(calls.billing)}`,
        });
      }
    } finally {
      await counted?.stop();
      await Promise.all([proxy.stop(), server.stop()]);
    }
  });

  await benchmark('soak', `soak: ${SIZES.soak.sessions} customer sessions`, async () => {
    // The customer rotates over the demo accounts, so no account collects hundreds of submissions.
    const accounts = customer.all;
    let next = 0;
    const measured = await soak(browser, kiosk, {
      sessions: SIZES.soak.sessions,
      warmupSessions: SIZES.soak.warmupSessions,
      settleMs: SIZES.soak.settleMs,
      nextCustomer: () => {
        const chosen = accounts[next++ % accounts.length];
        return {
          accountNumber: chosen.accountNumber,
          meterSerial: chosen.serialNumber,
          readingText: String(Math.floor(chosen.lastValue) + 1),
        };
      },
      // Resident memory as /proc has it, then again after a full GC in the kiosk process, and its V8 heap.
      kioskMemory: async () => {
        const rssMb = residentMb(kiosk.child.pid);
        const heapMb = await collectGarbage(kiosk);
        return { rssMb: round(rssMb, 2), rssAfterGcMb: round(residentMb(kiosk.child.pid), 2), heapMb: round(heapMb, 2) };
      },
      printedJobs: () => printer.jobs.length,
      log,
    });
    const base = measured.baseline;
    const rssGrowth = measured.final.kiosk.rssAfterGcMb - (base?.kiosk.rssAfterGcMb ?? NaN);
    const rssGrowthRaw = measured.final.kiosk.rssMb - (base?.kiosk.rssMb ?? NaN);
    const kioskHeapGrowth = measured.final.kiosk.heapMb - (base?.kiosk.heapMb ?? NaN);
    const heapDrift = ((measured.final.heapMb - (base?.heapMb ?? NaN)) / (base?.heapMb ?? NaN)) * 100;
    // The target is for what the kiosk keeps: its objects, without the code V8 compiles meanwhile.
    const objectsDrift =
      ((measured.final.heapParts.objectsMb - (base?.heapParts.objectsMb ?? NaN)) / (base?.heapParts.objectsMb ?? NaN)) * 100;
    const codeGrowthKb = (measured.final.heapParts.codeMb - (base?.heapParts.codeMb ?? NaN)) * 1024;
    const errors = measured.errors.length + measured.problems.length + measured.apiFailures.length;
    const sessionSummary = summarize(measured.sessionMs);
    results.soak = {
      what: `${SIZES.soak.sessions} sessions after ${SIZES.soak.warmupSessions} warm-up sessions on one page: login, 36-month statement, a reading, its printed confirmation, logout`,
      accounts: accounts.length,
      baseline: measured.baseline,
      final: measured.final,
      rssGrowthMb: round(rssGrowth, 2),
      rssGrowthWithoutGcMb: round(rssGrowthRaw, 2),
      kioskHeapGrowthMb: round(kioskHeapGrowth, 2),
      heapDriftPercent: round(heapDrift, 2),
      objectsDriftPercent: round(objectsDrift, 2),
      codeGrowthKb: round(codeGrowthKb, 1),
      curve: measured.curve,
      sessionMs: { summary: sessionSummary, samples: roundAll(measured.sessionMs) },
      errors: measured.errors,
      pageProblems: measured.problems,
      apiFailures: measured.apiFailures,
    };
    // The whole kiosk in browser mode: the core's process and Chromium's renderer, at the start of
    // the day (start screen, no session yet) and after the soak.
    const totalAtStart = measured.atStart.kiosk.rssMb + measured.atStart.renderer.mb;
    const totalAfter = measured.final.kiosk.rssMb + measured.final.renderer.mb;
    results.soak.residentMemory = {
      what: 'resident memory (VmRSS) of the kiosk core process plus Chromium’s renderer processes, in MB',
      atStart: {
        coreMb: round(measured.atStart.kiosk.rssMb, 1),
        rendererMb: round(measured.atStart.renderer.mb, 1),
        rendererProcesses: measured.atStart.renderer.processes,
        totalMb: round(totalAtStart, 1),
      },
      afterSoak: {
        coreMb: round(measured.final.kiosk.rssMb, 1),
        rendererMb: round(measured.final.renderer.mb, 1),
        rendererProcesses: measured.final.renderer.processes,
        totalMb: round(totalAfter, 1),
      },
    };
    row('kiosk memory (core + renderer RSS), at start', {
      median: show(totalAtStart, 'MB'),
      n: 1,
      floor: `core ${show(measured.atStart.kiosk.rssMb, 'MB')}, renderer ${show(measured.atStart.renderer.mb, 'MB')} (${measured.atStart.renderer.processes} processes)`,
    });
    row(`kiosk memory (core + renderer RSS), after ${SIZES.soak.sessions} sessions`, {
      median: show(totalAfter, 'MB'),
      n: 1,
      floor: `core ${show(measured.final.kiosk.rssMb, 'MB')}, renderer ${show(measured.final.renderer.mb, 'MB')} (${measured.final.renderer.processes} processes)`,
    });
    row('soak: kiosk process RSS growth', {
      median: show(rssGrowth, 'MB'),
      n: SIZES.soak.sessions,
      target: `≤ ${TARGETS.soakRssGrowthMb} MB`,
      ok: rssGrowth <= TARGETS.soakRssGrowthMb,
      note: `${show(base?.kiosk.rssAfterGcMb, 'MB')} → ${show(measured.final.kiosk.rssAfterGcMb, 'MB')} after GC; without GC ${show(rssGrowthRaw, 'MB')}; V8 heap ${kioskHeapGrowth >= 0 ? '+' : ''}${show(kioskHeapGrowth, 'MB')}`,
    });
    const signed = (value, unit) => `${value >= 0 ? '+' : ''}${show(value, unit)}`;
    row('soak: renderer JS objects vs baseline', {
      median: signed(objectsDrift, '%'),
      n: SIZES.soak.sessions,
      target: `within ${TARGETS.soakHeapDriftPercent} %`,
      ok: Math.abs(objectsDrift) <= TARGETS.soakHeapDriftPercent,
      note: `${show(base?.heapParts.objectsMb, 'MB')} → ${show(measured.final.heapParts.objectsMb, 'MB')} in a heap snapshot, compiled code left out`,
    });
    row('soak: renderer JS heap (used size) vs baseline', {
      median: signed(heapDrift, '%'),
      n: SIZES.soak.sessions,
      note: `${show(base?.heapMb, 'MB')} → ${show(measured.final.heapMb, 'MB')}, of it compiled code ${signed(codeGrowthKb, 'KB')}`,
    });
    row('soak: errors', {
      median: String(errors),
      n: SIZES.soak.sessions,
      target: '0',
      ok: errors === 0,
      note:
        errors > 0
          ? (measured.errors[0] ?? measured.problems[0] ?? measured.apiFailures[0] ?? '').slice(0, 80)
          : `a session takes ${show(sessionSummary.median, 'ms')}`,
    });
  });
} catch (error) {
  console.error(error);
  failures.push({ key: 'setup', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
}

// --- report ---------------------------------------------------------------------------------------

const header = [
  'benchmark',
  'median',
  'p95',
  `×${KIOSK_CLASS_CPU_RATE} median`,
  `×${KIOSK_CLASS_CPU_RATE} p95`,
  'n',
  'target',
  'floor',
  'status',
];
const table = formatTable(
  header,
  rows.map((entry) => [
    entry.name,
    entry.median,
    entry.p95,
    entry.throttledMedian,
    entry.throttledP95,
    entry.n,
    entry.target,
    entry.floor,
    entry.status,
  ]),
);
console.log(`\n${table}\n`);

const output = {
  mode: SMOKE ? 'smoke' : 'full',
  only: ONLY ?? null,
  startedAt,
  finishedAt: new Date().toISOString(),
  durationSeconds: round((performance.now() - runStart) / 1000, 1),
  machine: { ...info, loadAverageAtEnd: os.loadavg().map((value) => round(value, 2)) },
  sizes: SIZES,
  targets: TARGETS,
  table: rows,
  results,
  failures,
};
const resultsDir = path.join(ROOT, 'bench');
fs.mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, SMOKE ? 'results-smoke.json' : 'results.json');
fs.writeFileSync(resultsFile, `${JSON.stringify(output, null, 2)}\n`);
// And the process's own start before the run (its imports): performance.now() counts from the process's start.
console.log(
  `Figures written to ${path.relative(ROOT, resultsFile)} (${output.durationSeconds} s; ${(runStart / 1000).toFixed(1)} s of start-up before it).`,
);
// Said when slow: once, in CI, the smoke run's step took 26 s longer than the run it reported.
const removing = performance.now();
fs.rmSync(workDir, { recursive: true, force: true });
const removedSeconds = (performance.now() - removing) / 1000;
if (removedSeconds > 2) console.log(`The work folder took ${removedSeconds.toFixed(1)} s to remove.`);
if (failures.length > 0) {
  console.error(`${failures.length} benchmark(s) could not run: ${failures.map((failure) => failure.key).join(', ')}`);
  exitCode = 1;
}
process.exit(exitCode);

// --- helpers ----------------------------------------------------------------------------------------

/**
 * Readings posted straight to the billing server, `concurrency` at a time, values continuing each
 * meter's sequence from `firstValueOffset` above its base.
 */
async function postReadingsDirectly(baseUrl, meters, { count, concurrency, firstValueOffset }) {
  const client = billingApi(baseUrl, 'BENCH-DIRECT', concurrency);
  const latencies = [];
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const meter = meters[index % meters.length];
      const value = meter.base + firstValueOffset + Math.floor(index / meters.length);
      const answer = await request(client.agent, `${baseUrl}/api/v1/accounts/${meter.accountNumber}/readings`, {
        method: 'POST',
        headers: { ...client.headers, 'Idempotency-Key': crypto.randomUUID() },
        body: { readings: [{ meterId: meter.meterId, value }], submittedAt: new Date().toISOString() },
      });
      if (answer.status !== 201) failed += 1;
      latencies.push(answer.ms);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  client.close();
  return { count, failed, seconds: round(seconds), perSecond: round(count / seconds, 1), latency: summarize(latencies) };
}

/**
 * Keeps `concurrency` keep-alive requests in flight for `seconds` (after a warm-up) and counts.
 * @param {string} url
 * @param {Record<string, string>} headers
 */
async function loadTest(url, headers, { warmupSeconds, seconds, concurrency }, agent = undefined) {
  const { Agent } = await import('node:http');
  const pool = agent ?? new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let errors = 0;
  let completed = 0;
  const phase = async (durationSeconds, measured) => {
    const stopAt = performance.now() + durationSeconds * 1000;
    const worker = async () => {
      while (performance.now() < stopAt) {
        const answer = await request(pool, url, { headers });
        if (!measured) continue;
        if (answer.status !== 200) errors += 1;
        latencies.push(answer.ms);
        completed += 1;
      }
    };
    const start = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    return (performance.now() - start) / 1000;
  };
  await phase(warmupSeconds, false);
  const elapsed = await phase(seconds, true);
  if (!agent) pool.destroy();
  return { perSecond: completed / elapsed, latencies, errors, summary: summarize(latencies) };
}
