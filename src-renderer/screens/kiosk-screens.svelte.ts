// The list of screens the renderer is built from, the counterpart of src-main/features/kiosk-features.ts:
// every screen once, with who may see it and, for a service of the home screen, its tile. App.svelte
// shows the current screen from here (the start screen it keeps built, hidden while another is
// shown), the home screen draws its tiles from here, and `ScreenName`
// is the list's names. A new screen is its file and one entry below. The screens a customer meets
// first (start, the logins, home) are in the start bundle; every other one is its own chunk, loaded
// when it is first shown (`load`), so the start screen downloads none of them.
import type { Component } from 'svelte';
import type { MessageKey } from '../../src-main/core/messages/messages';
import BillLoginScreen from './bill-login-screen.svelte';
import HomeScreen from './home-screen.svelte';
import LoginScreen from './login-screen.svelte';
import SmsLoginScreen from './sms-login-screen.svelte';
import StartScreen from './start-screen.svelte';

/**
 * Who may see a screen: `public` anyone at the kiosk; `bill-holder` any customer at the screen, the one
 * who came in by the paper bill's code too; `customer` only a customer logged in fully (or staff
 * having a customer's account open); `staff` only in staff mode. Anyone else goes to the start screen.
 */
export type ScreenAudience = 'public' | 'bill-holder' | 'customer' | 'staff';

/** A service's button on the customer's home screen. */
export interface HomeTile {
  /** Catalog key of the button's text. */
  labelKey: MessageKey;
  /** Place among the home screen's buttons, lowest first. */
  order: number;
  /** Drawn as the screen's primary action (paying); the others are service buttons. */
  primary?: boolean;
}

/** A screen takes no props: what it shows comes from `kioskApp` and its own state class. */
type ScreenView = { component: Component; load?: never } | { load: () => Promise<{ default: Component }>; component?: never };

export type KioskScreen<Name extends string = string> = ScreenView & {
  name: Name;
  audience: ScreenAudience;
  /** Only a customer's service has one. */
  tile?: HomeTile;
};

/** Keeps each entry's name as a literal, so `ScreenName` lists exactly the names below. */
const defineScreen = <const Name extends string>(screen: KioskScreen<Name>): KioskScreen<Name> => screen;

export const kioskScreens = [
  defineScreen({ name: 'start', component: StartScreen, audience: 'public' }),
  defineScreen({ name: 'login', component: LoginScreen, audience: 'public' }),
  defineScreen({ name: 'bill-login', component: BillLoginScreen, audience: 'public' }),
  defineScreen({ name: 'register', load: () => import('./register-screen.svelte'), audience: 'public' }),
  defineScreen({ name: 'recover', load: () => import('./recover-screen.svelte'), audience: 'public' }),
  defineScreen({ name: 'sms-login', component: SmsLoginScreen, audience: 'public' }),
  defineScreen({ name: 'home', component: HomeScreen, audience: 'bill-holder' }),
  defineScreen({
    name: 'pay',
    load: () => import('./pay-screen.svelte'),
    audience: 'bill-holder',
    tile: { labelKey: 'home.menuPay', order: 10, primary: true },
  }),
  // Not `bill-holder`: the billing API refuses a bill token the statement that `charges.current` reads.
  defineScreen({
    name: 'charges',
    load: () => import('./charges-screen.svelte'),
    audience: 'customer',
    tile: { labelKey: 'home.menuCharges', order: 20 },
  }),
  defineScreen({
    name: 'readings',
    load: () => import('./readings-screen.svelte'),
    audience: 'bill-holder',
    tile: { labelKey: 'home.menuReadings', order: 30 },
  }),
  defineScreen({
    name: 'readings-history',
    load: () => import('./readings-history-screen.svelte'),
    audience: 'customer',
    tile: { labelKey: 'readingsHistory.menu', order: 35 },
  }),
  defineScreen({
    name: 'appeals',
    load: () => import('./appeals-screen.svelte'),
    audience: 'customer',
    tile: { labelKey: 'home.menuAppeals', order: 40 },
  }),
  defineScreen({
    name: 'profile',
    load: () => import('./profile-screen.svelte'),
    audience: 'customer',
    tile: { labelKey: 'home.menuProfile', order: 50 },
  }),
  defineScreen({ name: 'staff-login', load: () => import('./staff-login-screen.svelte'), audience: 'public' }),
  defineScreen({ name: 'staff', load: () => import('./staff-screen.svelte'), audience: 'staff' }),
] as const;

export type ScreenName = (typeof kioskScreens)[number]['name'];

const byName = new Map<string, KioskScreen>(kioskScreens.map((screen) => [screen.name, screen]));

export function screenNamed(name: ScreenName): KioskScreen<ScreenName> {
  // Every ScreenName is an entry's name, so the lookup cannot miss.
  return byName.get(name) as KioskScreen<ScreenName>;
}

/**
 * The screens whose chunks have arrived. Reactive: the frame that shows the current screen re-reads
 * it when one arrives. A replaced record rather than a SvelteMap: the map's runtime is 0.4 KB gzip.
 */
class LoadedScreens {
  #components = $state.raw<Readonly<Record<string, Component>>>({});

  get(name: string): Component | undefined {
    return this.#components[name];
  }

  set(name: string, component: Component): void {
    this.#components = { ...this.#components, [name]: component };
  }
}

const loaded = new LoadedScreens();

/** The screen's component if it is at hand: in the start bundle, or its chunk loaded before. */
export function loadedComponent(screen: KioskScreen): Component | null {
  return screen.component ?? loaded.get(screen.name) ?? null;
}

/** Loads a screen's chunk (once; a second call while it loads waits for the same import). */
export async function loadComponent(screen: KioskScreen): Promise<Component> {
  if (screen.component) return screen.component;
  const ready = loaded.get(screen.name);
  if (ready) return ready;
  const component = (await screen.load()).default;
  loaded.set(screen.name, component);
  return component;
}

/** The names of the screens one audience may see. */
export function screensFor(audience: ScreenAudience): ScreenName[] {
  return kioskScreens.filter((screen) => screen.audience === audience).map((screen) => screen.name);
}

/** The home screen's service buttons, in their order. */
export const homeTiles: ReadonlyArray<{ name: ScreenName; tile: HomeTile }> = kioskScreens
  .flatMap(({ name, tile }: KioskScreen<ScreenName>) => (tile ? [{ name, tile }] : []))
  .sort((a, b) => a.tile.order - b.tile.order);
