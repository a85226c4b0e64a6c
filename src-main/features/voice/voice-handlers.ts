// Voice mode's methods: whether the terminal can speak, and one utterance as a WAV file. The engine
// is the core's one EspeakSpeech (services.speech), shared with the staff screen's status.
import { KioskFailure } from '../../core/api/contract';
import type { KioskServices } from '../../core/kiosk-services';
import { message, type Message } from '../../core/messages/messages';
import type { KioskHandlers } from '../kiosk-methods';
import { ESPEAK_VOICES, SpeechFailure, type SpeechEngineStatus } from './espeak-speech';
import { speakableText, type SpeechLanguage } from './spoken-text';

type VoiceHandlers = Pick<KioskHandlers, 'voice.status' | 'voice.speak'>;

/** The languages the engine speaks, in the order the kiosk lists them. */
const SPOKEN_LANGUAGES = Object.keys(ESPEAK_VOICES) as SpeechLanguage[];

export function createVoiceHandlers(services: KioskServices): VoiceHandlers {
  const { speech } = services;
  return {
    async 'voice.status'() {
      const engine = await speech.status();
      return { available: engine.available, languages: engine.available ? SPOKEN_LANGUAGES : [] };
    },

    async 'voice.speak'({ text, language, speed }) {
      try {
        const utterance = await speech.speak({ text: speakableText(text, language), language, speed });
        return { audioBase64: utterance.wav.toString('base64'), durationMs: utterance.durationMs };
      } catch (error) {
        // Missing, broken or too slow: the customer hears nothing either way, and the screen
        // shows the same calm refusal; the engine has already logged what went wrong.
        if (error instanceof SpeechFailure) {
          throw new KioskFailure({ code: 'voice-unavailable', message: message('voice.errors.unavailable') });
        }
        throw error;
      }
    },
  };
}

/** What the staff screen says of the engine: its version, or what to fix (the catalogs' `voice.engine`). */
export function speechEngineMessage(engine: SpeechEngineStatus, command: string): Message {
  if (engine.available) return message('voice.engine.ready', { version: engine.version });
  switch (engine.problem.kind) {
    case 'not-found':
      return message('voice.engine.notFound', { command });
    case 'not-working':
      return message('voice.engine.notWorking', { command });
    case 'voices-missing':
      return message('voice.engine.voicesMissing', { voices: engine.problem.voices.join(', ') });
  }
}
