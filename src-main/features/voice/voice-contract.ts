// Voice mode for blind and partially sighted customers: the screen asks the core to say a text and
// plays the WAV it gets back. Public, because the start screen speaks before anyone logs in.
// Node-free: the renderer imports it.
import { z } from 'zod';
import { defineContract, defineMethod } from '../../core/api/contract';
import { emptyInputSchema } from '../../core/api/schemas';
import { LANGUAGES } from '../../core/config/config-fields';

/** The speeds a customer can pick; each is a rate of words per minute in the core. Volume is the screen's. */
export const SPEECH_SPEEDS = ['slow', 'normal', 'fast'] as const;
export type SpeechSpeed = (typeof SPEECH_SPEEDS)[number];

/** The longest text one call may speak: a screen's worth, well under the engine's time limit. */
export const MAX_SPOKEN_CHARACTERS = 1_000;

const speechLanguageSchema = z.enum(LANGUAGES);

export const voiceStatusOutput = z.object({
  /** False when the speech engine is missing or broken: the screens then offer no voice mode. */
  available: z.boolean(),
  /** The languages that can be spoken (none when unavailable). */
  languages: z.array(speechLanguageSchema),
});

export const voiceSpeakInput = z
  .object({
    /** The text as the screen shows it; the core turns amounts, dates and numbers into words. */
    text: z.string().min(1).max(MAX_SPOKEN_CHARACTERS),
    language: speechLanguageSchema,
    speed: z.enum(SPEECH_SPEEDS),
  })
  .strict();

export const voiceSpeakOutput = z.object({
  /** A complete WAV file (16-bit PCM), base64-encoded for the JSON transports. */
  audioBase64: z.string(),
  durationMs: z.number().int().nonnegative(),
});

export const voiceContract = defineContract({
  methods: {
    'voice.status': defineMethod({
      name: 'voice.status',
      audience: 'public',
      input: emptyInputSchema,
      output: voiceStatusOutput,
    }),
    'voice.speak': defineMethod({
      name: 'voice.speak',
      audience: 'public',
      input: voiceSpeakInput,
      output: voiceSpeakOutput,
    }),
  },
});
