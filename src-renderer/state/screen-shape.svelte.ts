// Whether the screens are laid out for a portrait screen. The terminal's setting may force it
// (`landscape`, `portrait`); with `auto`, the default, the window's own shape decides, and the
// layout follows it when the window turns or is resized: portrait hardware under a landscape
// layout put keys off the screen's edge.
import type { TerminalFacts } from '../../src-main/core/events/kiosk-events';
import { SLIM_WINDOW, TALL_WINDOW } from '../lib/layout-classes';

type Orientation = TerminalFacts['orientation'];

export class ScreenShape {
  /** The window is at least as tall as it is wide (`TALL_WINDOW`). */
  tall = $state(false);
  /** The window is slim (`SLIM_WINDOW`). */
  slim = $state(false);

  /** Follows the window's shape until the returned function is called. */
  watch(target: Pick<Window, 'matchMedia'>): () => void {
    const tall = target.matchMedia(TALL_WINDOW);
    const slim = target.matchMedia(SLIM_WINDOW);
    const update = () => {
      this.tall = tall.matches;
      this.slim = slim.matches;
    };
    update();
    tall.addEventListener('change', update);
    slim.addEventListener('change', update);
    return () => {
      tall.removeEventListener('change', update);
      slim.removeEventListener('change', update);
    };
  }

  /** The portrait layout: forced by the setting, or by the window's shape when the setting is `auto`. */
  portrait(setting: Orientation | undefined): boolean {
    if (setting === 'portrait' || setting === 'landscape') return setting === 'portrait';
    return this.tall;
  }
}

export const screenShape = new ScreenShape();
