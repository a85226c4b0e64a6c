// The Electron shell's security decisions as pure functions, so they can be unit-tested under
// plain Node: nothing here imports 'electron' at runtime (type imports only), and main.ts only
// wires these answers into Electron's hooks.
import path from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme, Input } from 'electron';
import type { KioskConfig } from '../core/config/kiosk-config';
import { contentSecurityPolicy } from '../core/security/content-security-policy';

/**
 * The renderer is served from a custom scheme rather than file:// or http://localhost: file://
 * would give every page access to the whole disk and an opaque origin, and a localhost server
 * is reachable by any local process. `kiosk://app` is a real, unique origin that only this
 * process serves, so `'self'` in the CSP and the IPC sender check both have something precise
 * to match.
 */
export const APP_SCHEME = 'kiosk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The one IPC channel of the kiosk API (preload.ts repeats the literal: it cannot import this file). */
export const KIOSK_CALL_CHANNEL = 'kiosk:call';

/** The page asks for the core's events here (preload → main), once per page load… */
export const KIOSK_SUBSCRIBE_CHANNEL = 'kiosk:events:subscribe';
/** …and they arrive here (main → the trusted top frame), a snapshot first. */
export const KIOSK_EVENT_CHANNEL = 'kiosk:event';

/**
 * `standard` gives the scheme normal URL parsing, relative URLs and a real origin (and so
 * localStorage and a CSP `'self'`); `secure` makes it a secure context like https (required by
 * several web APIs and so mixed-content rules apply); `supportFetchAPI` lets the renderer fetch
 * its own bundled files (translations, images). Nothing else: no CORS bypass, no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export type ScreenOrientation = KioskConfig['ui']['orientation'];

export interface KioskWindowOptionsInput {
  /** True in the packaged app: kiosk mode, no DevTools. */
  production: boolean;
  /** Absolute path of the bundled preload script. */
  preloadPath: string;
  orientation: ScreenOrientation;
}

/** The page background while the renderer loads (matches `--color-surface`), so no flash of another colour. */
export const WINDOW_BACKGROUND_COLOR = '#ffffff';

export function kioskWindowOptions(options: KioskWindowOptionsInput): BrowserWindowConstructorOptions {
  const { production, preloadPath, orientation } = options;
  // Outside production the window is an ordinary one the size of a scaled-down kiosk screen, so a
  // developer can still reach the rest of the desktop; `auto` takes the landscape size.
  const [width, height] = orientation === 'portrait' ? [720, 1280] : [1280, 720];
  return {
    width,
    height,
    // Kiosk mode keeps the window fullscreen and above the task bar; the user cannot leave it.
    fullscreen: production,
    kiosk: production,
    frame: false,
    autoHideMenuBar: true,
    // Shown on 'ready-to-show' so the customer never sees a half-painted page.
    show: false,
    backgroundColor: WINDOW_BACKGROUND_COLOR,
    webPreferences: {
      // The page and the preload run in separate JavaScript worlds: the page only ever sees
      // the frozen `kioskBridge` object, never ipcRenderer or any Node/Electron object.
      contextIsolation: true,
      // The renderer process runs in Chromium's OS sandbox: a compromised page cannot touch
      // the file system, spawn processes or load native code.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // <webview> would let page content embed arbitrary sites with their own preferences.
      webviewTag: false,
      experimentalFeatures: false,
      // Middle/auxiliary clicks must not open links in new windows (those are refused anyway).
      disableBlinkFeatures: 'Auxclick',
      devTools: !production,
      // The OS spell checker would download dictionaries and underline Russian names.
      spellcheck: false,
      // Dropping a file or link onto the window must not navigate away from the kiosk.
      navigateOnDragDrop: false,
      // A page that loops on alert() could otherwise lock the screen.
      safeDialogs: true,
      // A customer pinching the screen must not be able to zoom the layout out of shape.
      zoomFactor: 1,
      preload: preloadPath,
    },
  };
}

function parseUrl(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for URLs of our own origin. `URL.origin` is "null" for non-special schemes under Node's
 * WHATWG parser, so the scheme, host, port and credentials are compared one by one instead.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases the host of a standard scheme; Node keeps it as written for unknown schemes.
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Maps a request for `kiosk://app/<path>` to a file inside the built renderer, or null when the
 * request must be refused: another host, a path that leaves the folder (`..`, `%2e%2e`, an
 * encoded `/` or `\`), an absolute or drive path, a NUL byte. `/` means index.html.
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  // The WHATWG parser silently folds `..`, `%2e%2e` and `.%2E` segments, which would turn a
  // traversal attempt into some other file of ours. Such a request is never legitimate (Vite
  // emits plain relative paths), so the raw text is checked first and the request refused.
  const afterScheme = requestUrl.slice(requestUrl.indexOf('://') + 3).split(/[?#]/, 1)[0] ?? '';
  const slash = afterScheme.indexOf('/');
  const rawPath = slash === -1 ? '' : afterScheme.slice(slash);
  let decodedRaw: string;
  try {
    decodedRaw = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decodedRaw.split(/[/\\]/).some((segment) => segment === '.' || segment === '..')) return null;

  // Then the parsed path, decoded, so no encoding can smuggle a separator or a drive past the checks.
  let decoded: string;
  try {
    decoded = decodeURIComponent((parseUrl(requestUrl) as URL).pathname);
  } catch {
    return null;
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.slice(1).split('/');
  for (const segment of segments) {
    // Empty segments (`//etc/passwd`), dot segments and drive letters (`C:`) are never in our bundle.
    if (segment === '' || segment === '.' || segment === '..' || segment.includes(':')) return null;
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  // The last word: whatever the checks above missed, the result must lie inside the folder.
  if (!file.startsWith(root + path.sep)) return null;
  return file;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
};

/**
 * Content type by extension. It matters: responses carry `X-Content-Type-Options: nosniff`, so
 * Chromium refuses a module script served with any type other than JavaScript.
 */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The renderer is a single page of our own origin: no link, form or script may take it elsewhere. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Only the top frame of our own page may call the kiosk API. A frame of another origin (should
 * one ever get in despite the CSP and navigation rules) or a sub-frame never reaches a handler.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isTopFrame: boolean): boolean {
  return isTopFrame && isAppUrl(frameUrl);
}

/**
 * Camera, microphone, geolocation, notifications, clipboard, HID/serial/USB, fullscreen requests
 * by the page…: the kiosk needs none, so every request and every check is answered "no".
 * Printing goes through the core (ESC/POS), never through the page.
 */
export function permissionDecision(_permission?: string): false {
  return false;
}

export type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'alt' | 'control' | 'meta' | 'shift'>;

/**
 * Keyboard shortcuts a customer (or a USB keyboard left attached) could use to leave, reload or
 * inspect the kiosk. Electron only binds most of them through the application menu, which is
 * removed, so this is defence in depth. What this cannot catch: Alt+Tab, Ctrl+Alt+Del, the
 * Windows key and other OS-level shortcuts never reach the page; they are closed by the OS kiosk
 * set-up (Windows Assigned Access / a Linux session without a window manager).
 */
export function shouldIgnoreKey(input: KeyInput, options: { production: boolean }): boolean {
  const key = input.key.toLowerCase();
  const code = input.code;
  const ctrl = input.control || input.meta;

  // Closing the window or quitting: Alt+F4, Ctrl+W, Ctrl+Shift+W, Ctrl+Q.
  if (input.alt && code === 'F4') return true;
  if (ctrl && (key === 'w' || key === 'q')) return true;
  // Leaving fullscreen.
  if (code === 'F11') return true;
  // Zooming the layout (Ctrl + / - / 0); pinch zoom is limited separately.
  if (ctrl && (key === '+' || key === '-' || key === '=' || key === '0' || code === 'NumpadAdd' || code === 'NumpadSubtract')) return true;
  // History navigation would leave the current screen without the app knowing.
  if (input.alt && (key === 'arrowleft' || key === 'arrowright')) return true;
  if (key === 'browserback' || key === 'browserforward' || key === 'browserhome' || key === 'browsersearch') return true;
  // Printing the page through Chromium bypasses the receipt printer and its checks.
  if (ctrl && key === 'p') return true;

  if (!options.production) return false;
  // In development reload and DevTools stay available; in production they are refused.
  if (code === 'F5' || key === 'browserrefresh' || (ctrl && key === 'r')) return true;
  if (code === 'F12' || (ctrl && input.shift && (key === 'i' || key === 'j' || key === 'c'))) return true;
  return false;
}

/**
 * Headers on every response of the app scheme. The CSP is the same as browser mode's; the rest
 * stops MIME sniffing, referrers and cross-origin use of our resources, and switches off powerful
 * features at the document level in addition to the permission handlers.
 */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), bluetooth=(), payment=()',
    // A new renderer build must be picked up by the next load, not served from a stale cache.
    'Cache-Control': 'no-store',
  };
}

export interface OpeningHours {
  /** Local time `HH:MM`. */
  open: string;
  /** Local time `HH:MM`; earlier than `open` means the office closes after midnight. */
  close: string;
}

export const DEFAULT_OPENING_HOURS: OpeningHours = { open: '08:00', close: '20:00' };

function minutesOfDay(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`Invalid time "${time}": expected HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * While the office is open the screen must stay on (a dark screen looks broken to customers);
 * outside the hours the OS may blank it to save the panel. `open === close` means round the clock.
 */
export function isWithinOpeningHours(date: Date, hours: OpeningHours = DEFAULT_OPENING_HOURS): boolean {
  const open = minutesOfDay(hours.open);
  const close = minutesOfDay(hours.close);
  if (open === close) return true;
  const now = date.getHours() * 60 + date.getMinutes();
  return open < close ? now >= open && now < close : now >= open || now < close;
}
