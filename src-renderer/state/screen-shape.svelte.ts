// Whether the screens are laid out for a portrait screen. The terminal's setting may force it
// (`landscape`, `portrait`); with `auto`, the default, the window's own shape decides, and the
// layout follows it when the window turns or is resized: portrait hardware under a landscape
// layout put keys off the screen's edge.
import type { TerminalFacts } from '../../src-main/core/events/kiosk-events';

type Orientation = TerminalFacts['orientation'];

export class ScreenShape {
  /** The window is at least as tall as it is wide. */
  tall = $state(false);
  /** The window is at most 1400 px wide (a 5:4 screen, a portrait one): large text needs tighter tables there. */
  slim = $state(false);

  /** Follows the window's shape until the returned function is called. */
  watch(target: Pick<Window, 'matchMedia'>): () => void {
    const tall = target.matchMedia('(orientation: portrait)');
    const slim = target.matchMedia('(max-width: 1400px)');
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
