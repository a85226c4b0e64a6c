// The terminal's own state and the start screen's announcements.
import { defineFeature } from '../feature';
import { terminalContract } from './terminal-contract';
import { createTerminalHandlers } from './terminal-handlers';

export const terminalFeature = defineFeature({ name: 'terminal', contract: terminalContract, createHandlers: createTerminalHandlers });
