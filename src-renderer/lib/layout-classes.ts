// The frame's layout classes, which the screens' styles follow (`.portrait`, `.narrow`). App.svelte
// sets them from the terminal's setting and the window; main.ts sets them from the window alone on
// the prerendered start screen before its first paint, as the app would with no setting yet.

/** The window is at least as tall as it is wide. */
export const TALL_WINDOW = '(orientation: portrait)';
/** The window is at most 1400 px wide (a 5:4 screen, a portrait one): large text needs tighter tables there. */
export const SLIM_WINDOW = '(max-width: 1400px)';

/** Portrait layout, and narrow for a portrait layout or a slim window. */
export function layoutClasses(portrait: boolean, slim: boolean): { portrait: boolean; narrow: boolean } {
  return { portrait, narrow: portrait || slim };
}
