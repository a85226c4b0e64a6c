import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskMethodNames } from '../features/kiosk-methods';
import { contentSecurityPolicy } from '../core/security/content-security-policy';
import {
  APP_ORIGIN,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  DEFAULT_OPENING_HOURS,
  isAllowedNavigation,
  isAppUrl,
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
  shouldIgnoreKey,
  type KeyInput,
} from './shell-config';

const RENDERER_DIR = path.resolve('/opt/uis-kiosk/.vite/renderer/main_window');

function key(partial: Partial<KeyInput> & Pick<KeyInput, 'key'>): KeyInput {
  return { type: 'keyDown', code: '', alt: false, control: false, meta: false, shift: false, ...partial };
}

describe('kioskWindowOptions', () => {
  const production = kioskWindowOptions({ production: true, preloadPath: '/app/.vite/build/preload.js', orientation: 'landscape' });

  it('hardens webPreferences', () => {
    expect(production.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      preload: '/app/.vite/build/preload.js',
    });
    expect(production.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(production.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('is a frameless fullscreen kiosk window in production', () => {
    expect(production).toMatchObject({ fullscreen: true, kiosk: true, frame: false, autoHideMenuBar: true, show: false });
    expect(production.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('keeps DevTools and a normal window for development only', () => {
    const development = kioskWindowOptions({ production: false, preloadPath: '/p.js', orientation: 'landscape' });
    expect(development.webPreferences?.devTools).toBe(true);
    expect(development.kiosk).toBe(false);
    // The security switches do not depend on the mode.
    expect(development.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  });

  it('sizes the window by orientation', () => {
    const portrait = kioskWindowOptions({ production: false, preloadPath: '/p.js', orientation: 'portrait' });
    const landscape = kioskWindowOptions({ production: false, preloadPath: '/p.js', orientation: 'landscape' });
    expect(portrait.height).toBeGreaterThan(portrait.width ?? Infinity);
    expect(landscape.width).toBeGreaterThan(landscape.height ?? Infinity);
    // `auto` lets the screen decide the layout; the development window opens landscape.
    const auto = kioskWindowOptions({ production: false, preloadPath: '/p.js', orientation: 'auto' });
    expect([auto.width, auto.height]).toEqual([landscape.width, landscape.height]);
  });
});

describe('app scheme', () => {
  it('is kiosk://app with standard, secure and fetch privileges only', () => {
    expect(APP_SCHEME).toBe('kiosk');
    expect(APP_ORIGIN).toBe('kiosk://app');
    expect(APP_START_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'kiosk', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('recognises only our own origin', () => {
    expect(isAppUrl('kiosk://app/index.html')).toBe(true);
    expect(isAppUrl('KIOSK://APP/index.html')).toBe(true);
    for (const url of [
      'kiosk://evil/index.html',
      'kiosk://app.evil.com/',
      'kiosk://app:8080/',
      'kiosk://user:pass@app/',
      'https://app/',
      'http://127.0.0.1:5173/',
      'file:///opt/uis-kiosk/index.html',
      'about:blank',
      'data:text/html,hi',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('resolveAppAsset', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppAsset(RENDERER_DIR, 'kiosk://app/')).toBe(path.join(RENDERER_DIR, 'index.html'));
    expect(resolveAppAsset(RENDERER_DIR, 'kiosk://app')).toBe(path.join(RENDERER_DIR, 'index.html'));
    expect(resolveAppAsset(RENDERER_DIR, 'kiosk://app/index.html')).toBe(path.join(RENDERER_DIR, 'index.html'));
    expect(resolveAppAsset(RENDERER_DIR, 'kiosk://app/assets/index-abc123.js?v=1#x')).toBe(
      path.join(RENDERER_DIR, 'assets', 'index-abc123.js'),
    );
    expect(resolveAppAsset(RENDERER_DIR, 'kiosk://app/assets/%D0%BB%D0%BE%D0%B3%D0%BE.svg')).toBe(
      path.join(RENDERER_DIR, 'assets', 'лого.svg'),
    );
  });

  it('rejects other hosts and schemes', () => {
    for (const url of ['kiosk://other/index.html', 'https://app/index.html', 'file:///etc/passwd', 'kiosk://app:1/index.html']) {
      expect(resolveAppAsset(RENDERER_DIR, url), url).toBeNull();
    }
  });

  it('rejects path traversal in every encoding', () => {
    const attempts = [
      'kiosk://app/%2e%2e/%2e%2e/etc/passwd',
      'kiosk://app/assets/%2E%2E/%2E%2E/secret',
      'kiosk://app/..%2f..%2fetc%2fpasswd',
      'kiosk://app/assets%2f..%2f..%2fsecret',
      'kiosk://app/..%5c..%5cwindows%5cwin.ini',
      'kiosk://app/assets\\..\\..\\secret',
      'kiosk://app/%2e%2e%2f%2e%2e/etc/passwd',
      'kiosk://app/.%2E/index.html',
      'kiosk://app/../../etc/passwd',
      'kiosk://app/assets/../../../index.html',
      'kiosk://app//etc/passwd',
      'kiosk://app/%2fetc%2fpasswd',
      'kiosk://app/C:/Windows/win.ini',
      'kiosk://app/C%3A%5CWindows%5Cwin.ini',
      'kiosk://app/index.html%00.png',
      'kiosk://app/%E0%A4%A', // malformed percent-encoding
      'kiosk://app/./index.html/.',
    ];
    for (const url of attempts) {
      const resolved = resolveAppAsset(RENDERER_DIR, url);
      if (resolved !== null) expect(resolved.startsWith(RENDERER_DIR + path.sep), `${url} → ${resolved}`).toBe(true);
      expect(resolved, url).toBeNull();
    }
  });

  it('keeps double-encoded dots as harmless literal names inside the folder', () => {
    const resolved = resolveAppAsset(RENDERER_DIR, 'kiosk://app/%252e%252e/%252e%252e/etc/passwd');
    expect(resolved).toBe(path.join(RENDERER_DIR, '%2e%2e', '%2e%2e', 'etc', 'passwd'));
  });

  it('serves real files from a real folder only when they are inside it', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'kiosk-assets-'));
    try {
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
      const file = resolveAppAsset(dir, 'kiosk://app/');
      expect(file).not.toBeNull();
      expect(fs.readFileSync(file as string, 'utf8')).toBe('<!doctype html>');
      expect(resolveAppAsset(dir, `kiosk://app/%2e%2e/${path.basename(dir)}/index.html`)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mimeTypeFor', () => {
  it('gives scripts a JavaScript type (nosniff refuses anything else)', () => {
    expect(mimeTypeFor('/x/assets/index-abc.js')).toMatch(/^text\/javascript/);
    expect(mimeTypeFor('/x/assets/chunk.MJS')).toMatch(/^text\/javascript/);
  });

  it('knows the renderer asset types', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.png')).toBe('image/png');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.mp3')).toBe('audio/mpeg');
  });

  it('falls back to an inert binary type', () => {
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
  });
});

describe('navigation and IPC senders', () => {
  it('allows navigation within the app origin only', () => {
    expect(isAllowedNavigation('kiosk://app/index.html')).toBe(true);
    expect(isAllowedNavigation('kiosk://app/index.html#/home')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'kiosk://evil/',
      'about:blank',
      'chrome://gpu',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender('kiosk://app/index.html', true)).toBe(true);
    expect(isTrustedSender('kiosk://app/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('kiosk://evil/index.html', true)).toBe(false);
    expect(isTrustedSender('about:blank', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
  });

  it('the preload uses the same channel and the declared method names', () => {
    const preload = fs.readFileSync(path.join(import.meta.dirname, 'preload.ts'), 'utf8');
    expect(preload).toContain(`const KIOSK_CALL_CHANNEL = '${KIOSK_CALL_CHANNEL}';`);
    expect(preload).toContain(`const KIOSK_SUBSCRIBE_CHANNEL = '${KIOSK_SUBSCRIBE_CHANNEL}';`);
    expect(preload).toContain(`const KIOSK_EVENT_CHANNEL = '${KIOSK_EVENT_CHANNEL}';`);
    expect(preload).toContain("import { kioskMethodNames } from '../features/kiosk-methods';");
    expect(kioskMethodNames.length).toBeGreaterThan(0);
  });
});

describe('permissionDecision', () => {
  it('denies everything', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      expect(permissionDecision(permission), permission).toBe(false);
    }
    expect(permissionDecision()).toBe(false);
  });
});

describe('shouldIgnoreKey', () => {
  const production = { production: true };
  const development = { production: false };

  it('blocks ways to close or quit, in every mode', () => {
    for (const mode of [production, development]) {
      expect(shouldIgnoreKey(key({ key: 'F4', code: 'F4', alt: true }), mode)).toBe(true);
      expect(shouldIgnoreKey(key({ key: 'w', code: 'KeyW', control: true }), mode)).toBe(true);
      expect(shouldIgnoreKey(key({ key: 'W', code: 'KeyW', control: true, shift: true }), mode)).toBe(true);
      expect(shouldIgnoreKey(key({ key: 'q', code: 'KeyQ', control: true }), mode)).toBe(true);
      expect(shouldIgnoreKey(key({ key: 'q', code: 'KeyQ', meta: true }), mode)).toBe(true);
      expect(shouldIgnoreKey(key({ key: 'F11', code: 'F11' }), mode)).toBe(true);
    }
  });

  it('blocks zoom, history navigation and page printing', () => {
    expect(shouldIgnoreKey(key({ key: '+', code: 'Equal', control: true, shift: true }), production)).toBe(true);
    expect(shouldIgnoreKey(key({ key: '-', code: 'Minus', control: true }), production)).toBe(true);
    expect(shouldIgnoreKey(key({ key: '0', code: 'Digit0', control: true }), production)).toBe(true);
    expect(shouldIgnoreKey(key({ key: 'ArrowLeft', code: 'ArrowLeft', alt: true }), production)).toBe(true);
    expect(shouldIgnoreKey(key({ key: 'BrowserBack', code: 'BrowserBack' }), production)).toBe(true);
    expect(shouldIgnoreKey(key({ key: 'p', code: 'KeyP', control: true }), production)).toBe(true);
  });

  it('blocks reload and DevTools in production only', () => {
    const reloadAndDevTools = [
      key({ key: 'r', code: 'KeyR', control: true }),
      key({ key: 'R', code: 'KeyR', control: true, shift: true }),
      key({ key: 'F5', code: 'F5' }),
      key({ key: 'F5', code: 'F5', control: true }),
      key({ key: 'I', code: 'KeyI', control: true, shift: true }),
      key({ key: 'J', code: 'KeyJ', control: true, shift: true }),
      key({ key: 'C', code: 'KeyC', control: true, shift: true }),
      key({ key: 'F12', code: 'F12' }),
    ];
    for (const input of reloadAndDevTools) {
      expect(shouldIgnoreKey(input, production), JSON.stringify(input)).toBe(true);
      expect(shouldIgnoreKey(input, development), JSON.stringify(input)).toBe(false);
    }
  });

  it('lets ordinary typing through', () => {
    for (const input of [
      key({ key: 'a', code: 'KeyA' }),
      key({ key: 'A', code: 'KeyA', shift: true }),
      key({ key: '5', code: 'Digit5' }),
      key({ key: 'Backspace', code: 'Backspace' }),
      key({ key: 'Enter', code: 'Enter' }),
      key({ key: 'Tab', code: 'Tab' }),
      key({ key: 'Escape', code: 'Escape' }),
      key({ key: 'ArrowLeft', code: 'ArrowLeft' }),
      key({ key: 'c', code: 'KeyC', control: true }), // copy
      key({ key: 'v', code: 'KeyV', control: true }), // paste
      key({ key: 'F4', code: 'F4' }),
    ]) {
      expect(shouldIgnoreKey(input, production), JSON.stringify(input)).toBe(false);
    }
  });
});

describe('securityHeaders', () => {
  it('carries the shared CSP and the hardening headers', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['Content-Security-Policy']).toContain("default-src 'none'");
    expect(headers['Content-Security-Policy']).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headers['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(headers['Permissions-Policy']).toContain('camera=()');
    expect(headers['Permissions-Policy']).toContain('microphone=()');
  });
});

describe('isWithinOpeningHours', () => {
  const at = (time: string) => new Date(`2025-03-10T${time}:00`);

  it('defaults to 08:00–20:00, open inclusive and close exclusive', () => {
    expect(DEFAULT_OPENING_HOURS).toEqual({ open: '08:00', close: '20:00' });
    expect(isWithinOpeningHours(at('07:59'))).toBe(false);
    expect(isWithinOpeningHours(at('08:00'))).toBe(true);
    expect(isWithinOpeningHours(at('13:30'))).toBe(true);
    expect(isWithinOpeningHours(at('19:59'))).toBe(true);
    expect(isWithinOpeningHours(at('20:00'))).toBe(false);
    expect(isWithinOpeningHours(at('23:00'))).toBe(false);
    expect(isWithinOpeningHours(at('00:00'))).toBe(false);
  });

  it('accepts custom hours, hours past midnight and round the clock', () => {
    expect(isWithinOpeningHours(at('08:30'), { open: '09:00', close: '18:00' })).toBe(false);
    expect(isWithinOpeningHours(at('09:00'), { open: '09:00', close: '18:00' })).toBe(true);
    expect(isWithinOpeningHours(at('23:30'), { open: '22:00', close: '02:00' })).toBe(true);
    expect(isWithinOpeningHours(at('01:59'), { open: '22:00', close: '02:00' })).toBe(true);
    expect(isWithinOpeningHours(at('02:00'), { open: '22:00', close: '02:00' })).toBe(false);
    expect(isWithinOpeningHours(at('12:00'), { open: '22:00', close: '02:00' })).toBe(false);
    expect(isWithinOpeningHours(at('03:00'), { open: '00:00', close: '00:00' })).toBe(true);
  });

  it('refuses malformed times', () => {
    expect(() => isWithinOpeningHours(at('12:00'), { open: '8:00', close: '20:00' })).toThrow(RangeError);
    expect(() => isWithinOpeningHours(at('12:00'), { open: '08:00', close: '24:00' })).toThrow(RangeError);
    expect(() => isWithinOpeningHours(at('12:00'), { open: '08:60', close: '20:00' })).toThrow(RangeError);
  });
});
