// Child process that runs the BUILT Electron shell (.vite/build/main.js) on the Electron TEST
// DOUBLE, then lets the parent test drive it over Node's IPC channel, as Electron would: Chromium
// becoming ready, requests to the kiosk:// protocol, IPC from frames, permission requests,
// navigations and quitting. Each message is `{ id, command, args }`; each answer `{ id, result }`
// or `{ id, error }`.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./resolve-electron.mjs', import.meta.url);
const { app, recorded, ipcEventFrom } = await import('./electron-double.mjs');
await import(pathToFileURL(process.env.ELECTRON_DOUBLE_MAIN).href);

/** A JSON-safe copy: functions and class instances the parent cannot receive become their names. */
const plain = (value) => JSON.parse(JSON.stringify(value, (_key, item) => (typeof item === 'function' ? `[function ${item.name}]` : item)));

function firstWindow() {
  const window = recorded.windows[0];
  if (!window) throw new Error('no window was opened');
  return window;
}

const commands = {
  ready: () => {
    app.becomeReady();
    return true;
  },
  state: () =>
    plain({
      calls: recorded.calls,
      windows: recorded.windows.map((window) => ({ options: window.options, loadedUrls: window.webContents.loadedUrls })),
      protocolSchemes: [...recorded.protocolHandlers.keys()],
      ipcChannels: [...recorded.ipcHandlers.keys(), ...recorded.ipcListeners.keys()],
      exitCode: recorded.exitCode,
    }),
  async fetch({ url, method = 'GET' }) {
    const handler = recorded.protocolHandlers.get(new URL(url).protocol.replace(':', ''));
    const response = await handler(new Request(url, { method }));
    const body = Buffer.from(await response.arrayBuffer());
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: body.toString('utf8', 0, 200),
      size: body.length,
    };
  },
  async call({ channel, frameUrl, top, method, input }) {
    const handler = recorded.ipcHandlers.get(channel);
    return plain(await handler(ipcEventFrom(firstWindow().webContents, frameUrl, { top }), method, input));
  },
  subscribe({ channel, frameUrl, top }) {
    const contents = firstWindow().webContents;
    const event = ipcEventFrom(contents, frameUrl, { top });
    recorded.ipcListeners.get(channel)(event);
    return plain(contents.mainFrame.sent);
  },
  async permission({ name }) {
    const request = await new Promise((resolve) => recorded.sessionHandlers.permissionRequest(null, name, resolve));
    const check = recorded.sessionHandlers.permissionCheck(null, name);
    const device = recorded.sessionHandlers.devicePermission({ deviceType: name });
    return { request, check, device };
  },
  networkRequest({ url }) {
    return new Promise((resolve) => recorded.sessionHandlers.beforeRequest.handler({ url }, resolve));
  },
  navigate({ event, url }) {
    return firstWindow().webContents.tryNavigation(event, url);
  },
  windowOpen({ url }) {
    return firstWindow().webContents.windowOpenHandler({ url });
  },
  quit() {
    return new Promise((resolve) => {
      app.once('quit-finished', () => resolve(true));
      app.quit();
    });
  },
};

process.on('message', ({ id, command, args }) => {
  Promise.resolve()
    .then(() => commands[command](args ?? {}))
    .then(
      (result) => process.send({ id, result }),
      (error) => process.send({ id, error: String(error?.stack ?? error) }),
    );
});
process.send({ id: 0, result: 'loaded' });
