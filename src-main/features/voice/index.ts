// Voice mode: the core speaks the screen's texts with espeak-ng, in Russian, Bashkir or English.
import { defineFeature } from '../feature';
import { voiceContract } from './voice-contract';
import { createVoiceHandlers } from './voice-handlers';

export const voiceFeature = defineFeature({ name: 'voice', contract: voiceContract, createHandlers: createVoiceHandlers });
