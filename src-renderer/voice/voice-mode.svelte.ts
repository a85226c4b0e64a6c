// Voice mode for a customer who cannot see the screen: whether it is on, the privacy curtain, the
// customer's speech speed and volume, and the one utterance playing now. The core synthesises the
// speech (espeak-ng, `voice.speak`); the page plays the WAV through its own audio, the same in
// Electron and in browser mode. Every utterance is a text the screen shows (the caption under the
// screen shows it too), in the customer's language.
import { callKiosk } from '../lib/kiosk-api';
import { i18n, type Language } from '../lib/i18n.svelte';

export type VoiceSpeed = 'slow' | 'normal' | 'fast';
const SPEEDS: readonly VoiceSpeed[] = ['slow', 'normal', 'fast'];
/** Volume steps of the audio element: never fully silent, so «Тише» cannot lose the customer. */
const VOLUME_STEP = 0.2;
const MIN_VOLUME = 0.2;
const DEFAULT_VOLUME = 0.8;

interface Utterance {
  text: string;
  language: Language;
}

export class VoiceMode {
  /**
   * Whether this terminal can speak at all (espeak-ng found by the core); voice mode is hidden
   * otherwise. Null until the core has said: the header keeps the switch's room meanwhile, so the
   * screen does not shift under a finger when the answer comes.
   */
  available = $state<boolean | null>(null);
  on = $state(false);
  /** The screen blanked for privacy while the customer listens. */
  curtain = $state(false);
  speed = $state<VoiceSpeed>('normal');
  volume = $state(DEFAULT_VOLUME);
  /** What is being said now, as text: shown under the screen for a companion, and what the tests read. */
  caption = $state('');
  /** True while the audio of the caption is playing. */
  sounding = $state(false);
  /** How many utterances were asked for: lets the navigator see whether a press made the page speak. */
  utterances = 0;
  /** The utterance waiting for its audio; a newer one replaces it before it is even synthesised. */
  private wanted: Utterance | null = null;
  private fetching = false;
  private audio: HTMLAudioElement | null = null;

  async checkAvailable(): Promise<void> {
    const result = await callKiosk('voice.status', {});
    this.available = result.ok && result.value.available;
    if (!this.available && this.on) this.turnOff();
  }

  turnOn(): void {
    if (this.available !== true) return;
    this.on = true;
    this.speak(i18n.t('voiceMode.intro'));
  }

  /** Ends voice mode and its audio at once (logout, idle timeout, the customer's own choice). */
  turnOff(): void {
    this.on = false;
    this.curtain = false;
    this.speed = 'normal';
    this.volume = DEFAULT_VOLUME;
    this.caption = '';
    this.wanted = null;
    this.stopAudio();
  }

  /** Says a text in the customer's language, interrupting whatever was being said. */
  speak(text: string): void {
    if (!this.on || text.trim() === '') return;
    this.utterances += 1;
    this.caption = text;
    this.stopAudio();
    this.wanted = { text, language: i18n.language };
    void this.fetchWanted();
  }

  toggleCurtain(): void {
    this.curtain = !this.curtain;
    this.speak(i18n.t(this.curtain ? 'voiceMode.panel.curtainIsOn' : 'voiceMode.panel.curtainIsOff'));
  }

  changeSpeed(step: 1 | -1): void {
    const index = Math.min(SPEEDS.length - 1, Math.max(0, SPEEDS.indexOf(this.speed) + step));
    this.speed = SPEEDS[index] ?? 'normal';
    this.speak(i18n.t('voiceMode.panel.speedNow', { speed: this.speed }));
  }

  changeVolume(step: 1 | -1): void {
    this.volume = Math.round(Math.min(1, Math.max(MIN_VOLUME, this.volume + step * VOLUME_STEP)) * 10) / 10;
    this.speak(i18n.t('voiceMode.panel.volumeNow', { percent: Math.round(this.volume * 100) }));
  }

  /**
   * One request to the core at a time: a customer moving fast through the items asks for many
   * utterances, and only the newest is worth synthesising once the previous answer is in.
   */
  private async fetchWanted(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    try {
      while (this.wanted) {
        const utterance = this.wanted;
        this.wanted = null;
        const result = await callKiosk('voice.speak', { text: utterance.text, language: utterance.language, speed: this.speed });
        // Replaced meanwhile, or voice mode ended: this audio is not wanted any more.
        if (this.wanted || !this.on || this.caption !== utterance.text) continue;
        if (result.ok) this.play(result.value.audioBase64);
      }
    } finally {
      this.fetching = false;
    }
  }

  private play(audioBase64: string): void {
    const audio = new Audio(`data:audio/wav;base64,${audioBase64}`);
    audio.volume = this.volume;
    audio.addEventListener('playing', () => (this.sounding = this.audio === audio));
    audio.addEventListener('ended', () => {
      if (this.audio === audio) this.sounding = false;
    });
    this.audio = audio;
    // A page that may not play yet (no gesture so far) stays silent; the caption still shows the text.
    audio.play().catch(() => undefined);
  }

  private stopAudio(): void {
    if (!this.audio) return;
    this.audio.pause();
    this.audio.removeAttribute('src');
    this.audio = null;
    this.sounding = false;
  }
}

export const voiceMode = new VoiceMode();
