// The pieces the bench runs as real processes, the way they run in production: the kiosk in
// browser mode (`.vite/node/browser-mode.js`, as `npm start` starts it) and the reference billing
// server (`.vite/node/billing-server.js`); plus a keep-alive HTTP client for their APIs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Where the built app is read from: the project's `.vite` at first, then a snapshot of it (see
 * `snapshotBuild`), so that a rebuild by someone else during a run changes nothing mid-run.
 */
const app = { root: ROOT };
export const builtFile = (relative) => path.join(app.root, '.vite', relative);
export const BUILD_OUTPUTS = ['node/browser-mode.js', 'node/billing-server.js', 'renderer/main_window/index.html'];

/**
 * Copies the build (Node bundles and renderer) into `dir` and runs everything from there. The
 * bundles' external packages resolve through a `node_modules` link to the project's.
 */
export function snapshotBuild(dir) {
  for (let attempt = 1; ; attempt += 1) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, '.vite'), { recursive: true });
    fs.cpSync(path.join(ROOT, '.vite', 'node'), path.join(dir, '.vite', 'node'), { recursive: true });
    fs.cpSync(path.join(ROOT, '.vite', 'renderer'), path.join(dir, '.vite', 'renderer'), { recursive: true });
    // A build running at this moment empties the renderer folder first: check the copy is whole.
    const index = path.join(dir, '.vite', 'renderer', 'main_window', 'index.html');
    const referenced = fs.existsSync(index) ? [...fs.readFileSync(index, 'utf8').matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]) : [];
    const whole =
      BUILD_OUTPUTS.every((file) => fs.existsSync(path.join(dir, '.vite', file))) &&
      referenced.length > 0 &&
      referenced.every((file) => fs.existsSync(path.join(dir, '.vite', 'renderer', 'main_window', file)));
    if (whole) break;
    if (attempt >= 30) throw new Error('the build in .vite is incomplete (is a build running?)');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  app.root = dir;
}

/**
 * Spawns a Node process and waits for a line of its output matching `ready`.
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {RegExp} ready
 * @param {number} timeoutMs
 */
export function spawnNode(args, env, ready, timeoutMs) {
  const start = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  const matched = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(args.at(-1) ?? '')} was not ready within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const check = () => {
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve({ match, readyMs: performance.now() - start });
    };
    child.stdout.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${path.basename(args.at(-1) ?? '')} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
      child.kill('SIGTERM');
    });
  return matched.then(
    (/** @type {{ match: RegExpExecArray; readyMs: number }} */ { match, readyMs }) => ({ child, match, readyMs, output: () => output, stop }),
    async (error) => {
      await stop();
      throw error;
    },
  );
}

/**
 * The kiosk in browser mode (headless: the bench brings its own Chromium), on a data folder that
 * may already hold the training billing data. `nodeArgs` go before the entry (e.g. `--inspect-port=0`,
 * which only says where the inspector listens if it is ever switched on; see `collectGarbage`).
 * @param {{ dataDir: string; env?: Record<string, string>; nodeArgs?: string[] }} options
 */
export async function startKiosk({ dataDir, env = {}, nodeArgs = [] }) {
  const entry = builtFile('node/browser-mode.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build"`);
  const started = await spawnNode(
    [...nodeArgs, '--enable-source-maps', entry],
    { KIOSK_HEADLESS: '1', KIOSK_DATA_DIR: dataDir, KIOSK_PORT: '0', ...env },
    /Kiosk ready: (\S+)/,
    60_000,
  );
  const url = /** @type {string} */ (started.match[1]);
  const parsed = new URL(url);
  const billingUrl = /reference billing server at (\S+)/.exec(started.output())?.[1] ?? null;
  // The launch URL's one-time code is spent here, as the kiosk's browser would spend it; every
  // browser context and API call of the bench then carries the session cookie it gave.
  const launched = await fetch(url, { redirect: 'manual' });
  const cookie = /^([^=]+)=([^;]+)/.exec(launched.headers.get('set-cookie') ?? '');
  if (launched.status !== 303 || !cookie?.[1] || !cookie[2]) throw new Error(`the launch URL gave ${launched.status} and no session cookie`);
  return {
    ...started,
    url,
    origin: parsed.origin,
    /** The kiosk's page, for a browser context that has `sessionCookie`. */
    pageUrl: `${parsed.origin}/`,
    sessionCookie: { name: cookie[1], value: cookie[2] },
    billingUrl,
  };
}

/** The reference billing server as its own process (the billing centre is another machine in production). */
export async function startBillingServer({ dbFile }) {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const started = await spawnNode(
    [builtFile('node/billing-server.js')],
    { BILLING_DB: dbFile, BILLING_PORT: '0', BILLING_HOST: '127.0.0.1' },
    /Reference billing server ready: (http:\/\/\S+?)\/api\/v1/,
    60_000,
  );
  return { ...started, url: /** @type {string} */ (started.match[1]) };
}

// A DevTools protocol client of one process's inspector, kept for the whole run: each line on its
// stdin asks for a full collection (three rounds, so weak references and finalizers settle) and is
// answered by one line of JSON, the heap in use afterwards. A Node child per collection took 0.4 s.
const GC_CLIENT = `
const socket = new WebSocket(process.env.INSPECTOR_URL);
let id = 0;
const waiting = new Map();
const send = (method, params = {}) => new Promise((resolve) => { id += 1; waiting.set(id, resolve); socket.send(JSON.stringify({ id, method, params })); });
socket.onmessage = (event) => { const message = JSON.parse(event.data); waiting.get(message.id)?.(message.result); };
socket.onclose = () => process.exit(0);
socket.onopen = () => {
  let queue = Promise.resolve();
  require('node:readline').createInterface({ input: process.stdin }).on('line', () => {
    queue = queue.then(async () => {
      for (let round = 0; round < 3; round += 1) await send('HeapProfiler.collectGarbage');
      console.log(JSON.stringify(await send('Runtime.getHeapUsage')));
    });
  }).on('close', () => socket.close());
  console.log('connected');
};
`;

/** @type {WeakMap<object, { ask: () => Promise<{ usedSize: number }> }>} */
const gcClients = new WeakMap();

/**
 * Full garbage collection in a running Node process started with \`--inspect-port=0\`: switches
 * its inspector on (as SIGUSR1 does) the first time, then asks it over the DevTools protocol.
 * Returns the V8 heap in use afterwards, in MB.
 * @param {{ child: import('node:child_process').ChildProcess; output: () => string; stop: () => Promise<unknown> }} started
 */
export async function collectGarbage(started) {
  let client = gcClients.get(started);
  if (!client) {
    client = await connectGcClient(started);
    gcClients.set(started, client);
  }
  const usage = await client.ask();
  return usage.usedSize / (1024 * 1024);
}

/** @param {{ child: import('node:child_process').ChildProcess; output: () => string; stop: () => Promise<unknown> }} started */
async function connectGcClient(started) {
  const find = () => /Debugger listening on (ws:\/\/\S+)/.exec(started.output())?.[1];
  if (!find()) process._debugProcess(/** @type {number} */ (started.child.pid));
  for (let wait = 0; !find() && wait < 100; wait += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  const url = find();
  if (!url) throw new Error('the kiosk process did not open its inspector');
  const child = spawn(process.execPath, ['--experimental-websocket', '--no-warnings', '-e', GC_CLIENT], {
    env: { ...process.env, INSPECTOR_URL: url },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  // The client ends with the kiosk (its inspector closes) or with the bench (its stdin closes).
  child.unref();
  // Each line of the client's answers the oldest question; if it exits, every open question fails.
  /** @type {Array<{ resolve: (line: string) => void; reject: (error: Error) => void }>} */
  const answers = [];
  const lines = readline.createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
  lines.on('line', (line) => answers.shift()?.resolve(line));
  child.once('exit', (code) => {
    for (const answer of answers.splice(0)) answer.reject(new Error(`the inspector client exited (${code})`));
  });
  const nextLine = () => new Promise((resolve, reject) => answers.push({ resolve, reject }));
  await nextLine();
  // Node waits at exit until an attached debugger has gone: the client leaves before the kiosk stops.
  const stopKiosk = started.stop;
  started.stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      await exited;
    }
    return stopKiosk();
  };
  return {
    ask: async () => {
      const answered = nextLine();
      child.stdin?.write('\n');
      return JSON.parse(/** @type {string} */ (await answered));
    },
  };
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function residentMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * One HTTP request on a keep-alive agent.
 * @param {http.Agent} agent
 * @param {string} url
 * @param {{ method?: string; headers?: Record<string, string>; body?: unknown }} options
 * @returns {Promise<{ status: number; text: string; ms: number }>}
 */
export function request(agent, url, { method = 'GET', headers = {}, body } = {}) {
  const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      {
        method,
        agent,
        headers: { ...headers, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}) },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - start }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload ?? undefined);
  });
}

/** A client of the kiosk API over the loopback transport, as the renderer calls it. */
export function kioskApi(kiosk) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  return {
    agent,
    /** @returns {Promise<{ ms: number; result: any }>} */
    async call(method, input = {}) {
      const answer = await request(agent, `${kiosk.origin}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { Cookie: `${kiosk.sessionCookie.name}=${kiosk.sessionCookie.value}` },
        body: input,
      });
      const result = JSON.parse(answer.text);
      return { ms: answer.ms, result };
    },
    close: () => agent.destroy(),
  };
}

/** A client of the billing API as a terminal (key `training`). */
export function billingApi(baseUrl, terminalId = 'BENCH-01', maxSockets = 64) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const headers = { 'X-Terminal-Id': terminalId, 'X-Terminal-Key': 'training', Accept: 'application/json' };
  return {
    agent,
    headers,
    async login(accountNumber, password) {
      const answer = await request(agent, `${baseUrl}/api/v1/sessions`, { method: 'POST', headers, body: { accountNumber, password } });
      if (answer.status !== 201 && answer.status !== 200) throw new Error(`billing login failed: ${answer.status} ${answer.text}`);
      return { ms: answer.ms, token: /** @type {string} */ (JSON.parse(answer.text).sessionToken) };
    },
    /** @returns {Promise<{ status: number; text: string; ms: number }>} */
    get(pathAndQuery, sessionToken) {
      return request(agent, `${baseUrl}/api/v1${pathAndQuery}`, { headers: { ...headers, Authorization: `Bearer ${sessionToken}` } });
    },
    close: () => agent.destroy(),
  };
}

/** A trivial HTTP server (one small JSON answer) as its own process: the loopback ceiling of the load generator. */
export async function startHelloServer() {
  const source = `require('node:http').createServer((q, s) => { s.writeHead(200, { 'Content-Type': 'application/json' }); s.end('{"ok":true}'); })
    .listen(0, '127.0.0.1', function () { console.log('hello ready ' + this.address().port); });`;
  const started = await spawnNode(['-e', source], {}, /hello ready (\d+)/, 20_000);
  return { ...started, url: `http://127.0.0.1:${started.match[1]}` };
}

/**
 * An HTTP proxy in front of the billing server that counts the requests passing through it, by
 * method and path (numbers in the path, such as an account's, read as `:n`): the calls the kiosk
 * core makes to the billing centre, seen from outside it.
 */
export async function startCountingProxy(targetUrl) {
  const target = new URL(targetUrl);
  /** @type {string[]} */
  const seen = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((incoming, outgoing) => {
    seen.push(`${incoming.method} ${(incoming.url ?? '').split('?')[0]?.replace(/\/\d+(?=\/|$)/g, '/:n')}`);
    const forwarded = http.request(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers, agent },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}${target.pathname === '/' ? '' : target.pathname}`,
    /** The requests seen so far. */
    seen: () => [...seen],
    stop: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}
