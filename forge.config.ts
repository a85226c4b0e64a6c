// Electron Forge: builds the shell with Vite, packages it into an ASAR with hardened fuses and
// makes installers (Squirrel for Windows, .deb for the Debian kiosks, ZIP everywhere).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { AutoUnpackNativesPlugin } from '@electron-forge/plugin-auto-unpack-natives';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const projectDir = path.dirname(fileURLToPath(import.meta.url));
const PRODUCT_NAME = 'Терминал самообслуживания МУП УИС';

/**
 * Native modules the main bundle leaves external (see vite.main.config.ts), with the packages
 * they `require` at run time. Install-time-only dependencies are not shipped: prebuild-install
 * only fetches prebuilt binaries during `npm ci`, and the package is rebuilt for Electron anyway.
 */
const NATIVE_MODULES = ['better-sqlite3'];
const INSTALL_TIME_ONLY = new Set(['prebuild-install']);

/** Finds an installed package the way Node does: in `node_modules` next to `fromDir` or above it. */
function findPackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || path.dirname(dir) === dir) return null;
  }
}

/** The native modules and their run-time dependency closure, as absolute folders in this project. */
function nativeModuleClosure(): string[] {
  const found = new Map<string, string>();
  const visit = (name: string, fromDir: string) => {
    if (INSTALL_TIME_ONLY.has(name)) return;
    const dir = findPackageDir(name, fromDir);
    if (dir === null) throw new Error(`${name} is not installed: run "npm ci" before packaging.`);
    if (found.has(dir)) return;
    found.set(dir, name);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, dir);
  };
  for (const name of NATIVE_MODULES) visit(name, projectDir);
  return [...found.keys()];
}

/** Keeps only what better-sqlite3 loads at run time once it has been rebuilt for Electron. */
function trimBetterSqlite3(moduleDir: string): void {
  const addon = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(addon)) return; // Not built: leave everything, the app will say what is missing.
  const keep = (dir: string, names: string[]) => {
    for (const entry of fs.readdirSync(dir)) {
      if (!names.includes(entry)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true });
    }
  };
  keep(moduleDir, ['package.json', 'LICENSE', 'lib', 'build']);
  keep(path.join(moduleDir, 'build'), ['Release']);
  keep(path.join(moduleDir, 'build', 'Release'), ['better_sqlite3.node']);
}

const config: ForgeConfig = {
  packagerConfig: {
    // ASAR on (the fuses below require it); AutoUnpackNativesPlugin adds `*.node` files to
    // `asar.unpack`, because a native addon cannot be dlopen()ed from inside an archive.
    // Note: files in app.asar.unpacked are outside the embedded ASAR integrity check.
    asar: true,
    name: 'uis-kiosk',
    executableName: 'uis-kiosk',
    appCopyright: 'МУП «Уфимские инженерные сети»',
    win32metadata: { CompanyName: 'МУП УИС', ProductName: PRODUCT_NAME, FileDescription: PRODUCT_NAME },
    // Printer logos, sounds and the sample configuration, next to the app as plain files.
    extraResource: fs.existsSync(path.join(projectDir, 'resources')) ? [path.join(projectDir, 'resources')] : [],
  },
  rebuildConfig: {
    // Only better-sqlite3 has native code; force a rebuild against Electron's ABI every time.
    // This runs on the copy in the package (see packageAfterCopy) during package/make, and on the
    // project's own node_modules during `electron-forge start`: afterwards run `npm rebuild
    // better-sqlite3` before using browser mode or the tests under plain Node again.
    onlyModules: ['better-sqlite3'],
    force: true,
  },
  hooks: {
    // Why this hook: with the Vite plugin, Forge packages only `.vite/` (its `ignore` filter drops
    // everything else, node_modules included), because the bundles are meant to be self-contained.
    // A native addon cannot be bundled, so the app would fail with "Cannot find module
    // 'better-sqlite3'" (electron/forge#3738, WiseLibs/better-sqlite3#126). The fix used by the
    // Forge community is to copy the native module and its run-time dependencies (bindings,
    // file-uri-to-path) into the build here. This hook runs before Forge's rebuild step, so the
    // copy is then rebuilt for Electron, and before the ASAR is written.
    packageAfterCopy: async (_forgeConfig, buildPath) => {
      for (const moduleDir of nativeModuleClosure()) {
        const target = path.join(buildPath, path.relative(projectDir, moduleDir));
        await fs.promises.cp(moduleDir, target, { recursive: true, dereference: true });
      }
    },
    // After the rebuild: drop better-sqlite3's C sources and intermediate objects (~25 MB).
    packageAfterPrune: async (_forgeConfig, buildPath) => {
      trimBetterSqlite3(path.join(buildPath, 'node_modules', 'better-sqlite3'));
    },
  },
  makers: [
    new MakerSquirrel({ name: 'uis_kiosk', setupExe: 'uis-kiosk-setup.exe' }),
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
    new MakerDeb({
      options: {
        name: 'uis-kiosk',
        bin: 'uis-kiosk',
        productName: PRODUCT_NAME,
        genericName: 'Self-service kiosk',
        maintainer: 'MUP UIS',
        categories: ['Office'],
        section: 'misc',
        // Makes the install folder root-owned and writable by root only: on Linux that, not the
        // ASAR-integrity fuse, is what keeps the installed app as shipped.
        scripts: { postinst: path.join(projectDir, 'resources', 'deb', 'postinst') },
      },
    }),
  ],
  plugins: [
    new AutoUnpackNativesPlugin({}),
    new VitePlugin({
      build: [
        { entry: 'src-main/electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'src-main/electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Fuses are flipped in the Electron binary itself at package time, so they hold even if
    // someone edits the app's files or environment on the kiosk PC.
    new FusesPlugin({
      version: FuseVersion.V1,
      // The binary cannot be abused as a plain Node.js interpreter (ELECTRON_RUN_AS_NODE).
      [FuseV1Options.RunAsNode]: false,
      // Cookies and other Chromium secrets on disk are encrypted with an OS-held key.
      [FuseV1Options.EnableCookieEncryption]: true,
      // NODE_OPTIONS cannot inject --require hooks into the main process.
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      // --inspect and friends cannot attach a debugger to the main process.
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      // The app.asar must match the hash embedded at package time. Electron checks it on Windows and
      // macOS only; the .deb relies on a root-owned install folder instead (resources/deb/postinst).
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      // Electron refuses to load an unpacked app folder placed next to the binary.
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The renderer is served from kiosk://app, never from file://, which needs no extra privileges.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
