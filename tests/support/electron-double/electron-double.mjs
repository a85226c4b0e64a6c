// A TEST DOUBLE of the `electron` module: Electron's binary cannot be installed on this machine, so
// the built shell (.vite/build/main.js) is loaded under plain Node with this module in Electron's
// place (see resolve-electron.mjs). It is a small fake of the parts main.ts uses — app,
// BrowserWindow, protocol, ipcMain, session, Menu, dialog, powerMonitor, powerSaveBlocker — that
// records every call, so a test can see what the shell registered and then drive it as Electron
// would. It imitates Electron's documented behaviour only as far as the shell relies on it: the
// 'ready' promise, 'web-contents-created' for each new window, 'will-quit' with preventDefault, and
// the event objects' preventDefault. Nothing of the project is doubled.
import { EventEmitter } from 'node:events';
import os from 'node:os';

/** Everything the shell did to Electron, in order, for the test to read. */
export const recorded = {
  /** `[api, ...arguments]` of every recorded call. */
  calls: [],
  /** Scheme → the handler given to protocol.handle. */
  protocolHandlers: new Map(),
  /** Channel → the handler given to ipcMain.handle or ipcMain.on. */
  ipcHandlers: new Map(),
  ipcListeners: new Map(),
  sessionHandlers: {},
  windows: [],
  exitCode: null,
};

function record(api, ...args) {
  recorded.calls.push([api, ...args]);
}

class DoubleEvent {
  defaultPrevented = false;
  constructor(fields = {}) {
    Object.assign(this, fields);
  }
  preventDefault() {
    this.defaultPrevented = true;
  }
}

class App extends EventEmitter {
  isPackaged = process.env.ELECTRON_DOUBLE_PACKAGED === '1';
  commandLine = { appendSwitch: (...args) => record('app.commandLine.appendSwitch', ...args) };
  #paths = new Map([['userData', os.tmpdir()]]);
  #becomeReady = () => {};
  #ready = new Promise((resolve) => (this.#becomeReady = resolve));

  enableSandbox() {
    record('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  getPath(name) {
    return this.#paths.get(name);
  }
  setPath(name, value) {
    record('app.setPath', name, value);
    this.#paths.set(name, value);
  }
  whenReady() {
    return this.#ready;
  }
  /** What Electron does once Chromium has started; the test decides when. */
  becomeReady() {
    this.emit('ready');
    this.#becomeReady();
  }
  /** Electron's quit: 'will-quit' first, and a listener may hold the quit off with preventDefault. */
  quit() {
    record('app.quit');
    const event = new DoubleEvent();
    this.emit('will-quit', event);
    if (!event.defaultPrevented) this.emit('quit-finished');
  }
  exit(code = 0) {
    record('app.exit', code);
    recorded.exitCode = code;
    this.emit('exit-called', code);
  }
  relaunch() {
    record('app.relaunch');
  }
}

export const app = new App();

class Frame {
  constructor(url, parent = null) {
    this.url = url;
    this.parent = parent;
    this.sent = [];
  }
  send(channel, payload) {
    this.sent.push([channel, payload]);
  }
}

let nextContentsId = 1;
class WebContents extends EventEmitter {
  id = nextContentsId++;
  mainFrame = new Frame('');
  windowOpenHandler = null;
  loadedUrls = [];
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return false;
  }
  async setVisualZoomLevelLimits(...args) {
    record('webContents.setVisualZoomLevelLimits', ...args);
  }
  forcefullyCrashRenderer() {
    record('webContents.forcefullyCrashRenderer');
  }
  /** A navigation attempt as Electron reports it: the shell may cancel it. Returns whether it went ahead. */
  tryNavigation(eventName, url) {
    const event = new DoubleEvent({ url });
    this.emit(eventName, event, url);
    return !event.defaultPrevented;
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record('new BrowserWindow', options);
    this.options = options;
    this.webContents = new WebContents();
    recorded.windows.push(this);
    app.emit('web-contents-created', new DoubleEvent(), this.webContents);
  }
  async loadURL(url) {
    record('BrowserWindow.loadURL', url);
    this.webContents.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }
  show() {
    record('BrowserWindow.show');
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes),
  handle: (scheme, handler) => {
    record('protocol.handle', scheme);
    recorded.protocolHandlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handle: (channel, handler) => {
    record('ipcMain.handle', channel);
    recorded.ipcHandlers.set(channel, handler);
  },
  on: (channel, listener) => {
    record('ipcMain.on', channel);
    recorded.ipcListeners.set(channel, listener);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (recorded.sessionHandlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (recorded.sessionHandlers.permissionCheck = handler),
    setDevicePermissionHandler: (handler) => (recorded.sessionHandlers.devicePermission = handler),
    webRequest: {
      onBeforeRequest: (filter, handler) => (recorded.sessionHandlers.beforeRequest = { filter, handler }),
    },
  },
};

export const Menu = { setApplicationMenu: (menu) => record('Menu.setApplicationMenu', menu) };
export const dialog = { showErrorBox: (title, text) => record('dialog.showErrorBox', title, text) };
export const powerMonitor = new EventEmitter();
export const powerSaveBlocker = {
  start: (type) => {
    record('powerSaveBlocker.start', type);
    return 1;
  },
  stop: (id) => record('powerSaveBlocker.stop', id),
};

/** Makes a frame as Electron's IPC event carries it, for the test to call the shell's IPC handlers. */
export function ipcEventFrom(contents, frameUrl, { top = true } = {}) {
  const frame = top ? Object.assign(contents.mainFrame, { url: frameUrl }) : new Frame(frameUrl, contents.mainFrame);
  return { sender: contents, senderFrame: frame };
}

export default { app, BrowserWindow, protocol, ipcMain, session, Menu, dialog, powerMonitor, powerSaveBlocker };
