// The list of screens the renderer is built from, the counterpart of src-main/features/kiosk-features.ts:
// every screen once, with who may see it and, for a service of the home screen, its tile. App.svelte
// shows the current screen from here, the home screen draws its tiles from here, and `ScreenName`
// is the list's names. A new screen is its file and one entry below.
import type { Component } from 'svelte';
import type { MessageKey } from '../../src-main/core/messages/messages';
import AppealsScreen from './appeals-screen.svelte';
import BillLoginScreen from './bill-login-screen.svelte';
import ChargesScreen from './charges-screen.svelte';
import HomeScreen from './home-screen.svelte';
import LoginScreen from './login-screen.svelte';
import PayScreen from './pay-screen.svelte';
import ProfileScreen from './profile-screen.svelte';
import ReadingsHistoryScreen from './readings-history-screen.svelte';
import ReadingsScreen from './readings-screen.svelte';
import RecoverScreen from './recover-screen.svelte';
import RegisterScreen from './register-screen.svelte';
import SmsLoginScreen from './sms-login-screen.svelte';
import StaffLoginScreen from './staff-login-screen.svelte';
import StaffScreen from './staff-screen.svelte';
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

export interface KioskScreen<Name extends string = string> {
  name: Name;
  /** A screen takes no props: what it shows comes from `kioskApp` and its own state class. */
  component: Component;
  audience: ScreenAudience;
  /** Only a customer's service has one. */
  tile?: HomeTile;
}

/** Keeps each entry's name as a literal, so `ScreenName` lists exactly the names below. */
const defineScreen = <const Name extends string>(screen: KioskScreen<Name>): KioskScreen<Name> => screen;

export const kioskScreens = [
  defineScreen({ name: 'start', component: StartScreen, audience: 'public' }),
  defineScreen({ name: 'login', component: LoginScreen, audience: 'public' }),
  defineScreen({ name: 'bill-login', component: BillLoginScreen, audience: 'public' }),
  defineScreen({ name: 'register', component: RegisterScreen, audience: 'public' }),
  defineScreen({ name: 'recover', component: RecoverScreen, audience: 'public' }),
  defineScreen({ name: 'sms-login', component: SmsLoginScreen, audience: 'public' }),
  defineScreen({ name: 'home', component: HomeScreen, audience: 'bill-holder' }),
  defineScreen({
    name: 'pay',
    component: PayScreen,
    audience: 'bill-holder',
    tile: { labelKey: 'home.menuPay', order: 10, primary: true },
  }),
  // Not `bill-holder`: the billing API refuses a bill token the statement that `charges.current` reads.
  defineScreen({ name: 'charges', component: ChargesScreen, audience: 'customer', tile: { labelKey: 'home.menuCharges', order: 20 } }),
  defineScreen({
    name: 'readings',
    component: ReadingsScreen,
    audience: 'bill-holder',
    tile: { labelKey: 'home.menuReadings', order: 30 },
  }),
  defineScreen({
    name: 'readings-history',
    component: ReadingsHistoryScreen,
    audience: 'customer',
    tile: { labelKey: 'readingsHistory.menu', order: 35 },
  }),
  defineScreen({ name: 'appeals', component: AppealsScreen, audience: 'customer', tile: { labelKey: 'home.menuAppeals', order: 40 } }),
  defineScreen({ name: 'profile', component: ProfileScreen, audience: 'customer', tile: { labelKey: 'home.menuProfile', order: 50 } }),
  defineScreen({ name: 'staff-login', component: StaffLoginScreen, audience: 'public' }),
  defineScreen({ name: 'staff', component: StaffScreen, audience: 'staff' }),
] as const;

export type ScreenName = (typeof kioskScreens)[number]['name'];

const byName = new Map<string, KioskScreen>(kioskScreens.map((screen) => [screen.name, screen]));

export function screenNamed(name: ScreenName): KioskScreen<ScreenName> {
  // Every ScreenName is an entry's name, so the lookup cannot miss.
  return byName.get(name) as KioskScreen<ScreenName>;
}

/** The names of the screens one audience may see. */
export function screensFor(audience: ScreenAudience): ScreenName[] {
  return kioskScreens.filter((screen) => screen.audience === audience).map((screen) => screen.name);
}

/** The home screen's service buttons, in their order. */
export const homeTiles: ReadonlyArray<{ name: ScreenName; tile: HomeTile }> = kioskScreens
  .flatMap(({ name, tile }: KioskScreen<ScreenName>) => (tile ? [{ name, tile }] : []))
  .sort((a, b) => a.tile.order - b.tile.order);
