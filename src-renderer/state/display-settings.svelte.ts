// The customer's display modes: high contrast and large text (×1.5). Switched with one tap from the
// header of every screen, shown as classes on the root element (styles/kiosk.css), and switched off
// at every logout like the language: one customer's choice never carries over to the next.
export class DisplaySettings {
  highContrast = $state(false);
  largeText = $state(false);

  toggleHighContrast(): void {
    this.highContrast = !this.highContrast;
  }

  toggleLargeText(): void {
    this.largeText = !this.largeText;
  }

  reset(): void {
    this.highContrast = false;
    this.largeText = false;
  }

  /** Puts the modes on the root element as `high-contrast` and `large-text`. */
  applyTo(root: HTMLElement): void {
    root.classList.toggle('high-contrast', this.highContrast);
    root.classList.toggle('large-text', this.largeText);
  }
}

export const displaySettings = new DisplaySettings();
