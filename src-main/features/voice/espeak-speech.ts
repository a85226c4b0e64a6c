// Speech for voice mode: espeak-ng turns a line of text into a WAV file, which the screen plays at
// the volume the customer chose. espeak-ng is a separate program (a Debian package, or an
// installer on Windows), so a terminal without it still serves customers: voice mode is simply
// off, and the staff screen says why.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '../../core/logging/logger';
import type { SpeechLanguage } from './spoken-text';
import type { SpeechSpeed } from './voice-contract';

/**
 * Words per minute for each speed the customer can pick. espeak's own default is 175; «normal»
 * is a little slower, because a customer listening for an amount or a button name cannot glance
 * back at the screen to catch what was missed.
 */
export const WORDS_PER_MINUTE: Readonly<Record<SpeechSpeed, number>> = { slow: 125, normal: 165, fast: 215 };

/** espeak-ng's voice for each kiosk language: British English, as the English catalog is written. */
export const ESPEAK_VOICES: Readonly<Record<SpeechLanguage, string>> = { ru: 'ru', ba: 'ba', en: 'en-gb' };

/** Why the engine cannot speak, for the staff screen. */
export type SpeechEngineProblem =
  | { kind: 'not-found' }
  | { kind: 'not-working' }
  /** espeak-ng runs but lacks some of the voices (a partial install of its data). */
  | { kind: 'voices-missing'; voices: string[] };

/** Whether the engine can speak: when it can, `version` as the program names itself (`eSpeak NG 1.51`). */
export type SpeechEngineStatus = { available: true; version: string } | { available: false; problem: SpeechEngineProblem };

export interface SpeechRequest {
  /** What to say, already turned into speakable words (see spoken-text.ts). */
  text: string;
  language: SpeechLanguage;
  speed: SpeechSpeed;
}

export interface Utterance {
  /** A complete WAV file (RIFF, 16-bit PCM, as espeak-ng writes it), with its sizes filled in. */
  wav: Buffer;
  durationMs: number;
}

/** The engine could not produce speech: not installed, broken, too slow, or it wrote no WAV. */
export class SpeechFailure extends Error {
  constructor(
    readonly kind: 'unavailable' | 'not-found' | 'timed-out' | 'failed',
    detail: string,
  ) {
    super(`speech ${kind}: ${detail}`);
    this.name = 'SpeechFailure';
  }
}

export interface EspeakSpeechOptions {
  /** The program to run: `espeak-ng` on the PATH, or a full path (espeak-ng.exe on Windows). */
  command: string;
  /** A process that has not finished by then is killed; espeak-ng needs well under a second. */
  timeoutMs?: number;
  /** Recent utterances kept in memory: the same control is announced again and again. */
  cacheEntries?: number;
  /** Upper bound of the cache's WAV bytes (a long text is a few megabytes of audio). */
  cacheBytes?: number;
  logger?: Logger;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_CACHE_ENTRIES = 64;
const DEFAULT_CACHE_BYTES = 16 * 1024 * 1024;
/** 1000 characters spoken slowly are about 4 MB of audio; far more means something is wrong. */
const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;
/** After a kill, how long to wait for the process to close its pipes before moving on regardless. */
const KILL_GRACE_MS = 1_000;

/**
 * Speaks through espeak-ng: one process at a time (a queue), so a customer stepping quickly
 * through the controls cannot start a crowd of synthesisers on the kiosk's small CPU; recent
 * utterances come from memory. Availability is checked once, on first use, and kept: installing
 * espeak-ng later takes a restart of the kiosk (the staff screen's «Перезапуск» does).
 */
export class EspeakSpeech {
  private readonly command: string;
  private readonly timeoutMs: number;
  private readonly logger: Logger | undefined;
  private readonly cache: UtteranceCache;
  /** The end of the queue: every espeak-ng process starts after the one before it has closed. */
  private queueTail: Promise<unknown> = Promise.resolve();
  private engineStatus: Promise<SpeechEngineStatus> | null = null;
  private running: ChildProcess | null = null;

  constructor(options: EspeakSpeechOptions) {
    this.command = options.command;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger;
    this.cache = new UtteranceCache(options.cacheEntries ?? DEFAULT_CACHE_ENTRIES, options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  }

  /** Whether espeak-ng runs and has the three voices; asked of the program once, then remembered. */
  status(): Promise<SpeechEngineStatus> {
    this.engineStatus ??= this.exclusive(() => this.checkEngine());
    return this.engineStatus;
  }

  /** The WAV of one utterance, from the cache when the same words were spoken at this speed lately. */
  async speak(request: SpeechRequest): Promise<Utterance> {
    const key = cacheKey(request);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const engine = await this.status();
    if (!engine.available) throw new SpeechFailure('unavailable', engine.problem.kind);
    return this.exclusive(async () => {
      // The same words may have been queued twice (a double tap); the first one filled the cache.
      const again = this.cache.get(key);
      if (again) return again;
      const utterance = await this.synthesize(request);
      this.cache.set(key, utterance);
      return utterance;
    });
  }

  /** Kills a process still running (the core is closing); queued requests then fail or finish quickly. */
  close(): void {
    this.running?.kill('SIGKILL');
  }

  private async synthesize({ text, language, speed }: SpeechRequest): Promise<Utterance> {
    const words = espeakInput(text);
    // espeak-ng writes nothing at all for empty input, not even a WAV header.
    if (words.trim() === '') return silentUtterance();
    const args = ['-v', ESPEAK_VOICES[language], '-s', String(WORDS_PER_MINUTE[speed]), '--stdout'];
    try {
      // The text goes to stdin, never onto the command line: no quoting, no length limit, and it
      // does not show in the process list (it may hold a customer's amounts).
      return completeWav(await this.run(args, words));
    } catch (error) {
      // The text stays out of the log: it may hold a customer's amounts or address.
      this.logger?.warn('voice: espeak-ng failed to speak', { language, speed, characters: text.length, error });
      throw error;
    }
  }

  private async checkEngine(): Promise<SpeechEngineStatus> {
    let versionText: string;
    let voicesText: string;
    try {
      versionText = (await this.run(['--version'], null)).toString('utf8');
      voicesText = (await this.run(['--voices'], null)).toString('utf8');
    } catch (error) {
      const kind = error instanceof SpeechFailure && error.kind === 'not-found' ? 'not-found' : 'not-working';
      this.logger?.warn('voice: espeak-ng is not available, voice mode is off', { command: this.command, error });
      return { available: false, problem: { kind } };
    }
    const listed = listedVoices(voicesText);
    const missing = Object.values(ESPEAK_VOICES).filter((voice) => !listed.has(voice));
    if (missing.length > 0) {
      this.logger?.warn('voice: espeak-ng lacks voices, voice mode is off', { command: this.command, missing });
      return { available: false, problem: { kind: 'voices-missing', voices: missing } };
    }
    const version = versionName(versionText);
    this.logger?.info('voice: espeak-ng is ready', { command: this.command, version });
    return { available: true, version };
  }

  /** Runs the next task once every earlier one has finished, whether it succeeded or not. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queueTail.then(task);
    this.queueTail = result.catch(() => undefined);
    return result;
  }

  /** Runs espeak-ng once: `input` on stdin, stdout collected; any failure is a SpeechFailure. */
  private run(args: string[], input: string | null): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      this.running = child;
      const chunks: Buffer[] = [];
      let outputBytes = 0;
      let stderr = '';
      let settled = false;
      let killedFor: SpeechFailure | null = null;
      let graceTimer: NodeJS.Timeout | undefined;

      const settle = (outcome: { output: Buffer } | { failure: SpeechFailure }) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        clearTimeout(graceTimer);
        if (this.running === child) this.running = null;
        if ('output' in outcome) resolve(outcome.output);
        else reject(outcome.failure);
      };
      // Killed processes are waited for, so the next one never overlaps; a process whose pipes
      // stay open even after SIGKILL is let go after a grace period rather than stalling the queue.
      const kill = (failure: SpeechFailure) => {
        killedFor ??= failure;
        child.kill('SIGKILL');
        graceTimer ??= setTimeout(() => settle({ failure }), KILL_GRACE_MS);
      };
      const deadline = setTimeout(() => kill(new SpeechFailure('timed-out', `no answer within ${this.timeoutMs} ms`)), this.timeoutMs);

      child.on('error', (error: NodeJS.ErrnoException) => {
        settle({ failure: new SpeechFailure(error.code === 'ENOENT' ? 'not-found' : 'failed', error.message) });
      });
      child.stdout?.on('data', (chunk: Buffer) => {
        outputBytes += chunk.length;
        if (outputBytes > MAX_OUTPUT_BYTES) kill(new SpeechFailure('failed', `more than ${MAX_OUTPUT_BYTES} bytes of output`));
        else chunks.push(chunk);
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        if (stderr.length < 1_000) stderr += chunk.toString('utf8');
      });
      child.on('close', (code, signal) => {
        if (killedFor) settle({ failure: killedFor });
        else if (code === 0) settle({ output: Buffer.concat(chunks) });
        else settle({ failure: new SpeechFailure('failed', `exit ${code ?? signal}: ${stderr.trim().slice(0, 300)}`) });
      });
      // A process that exits before reading its input breaks the pipe; 'close' reports the exit.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(input ?? '', 'utf8');
    });
  }
}

/**
 * What espeak-ng is given to read. By default it takes `[[…]]` as phoneme codes, not words; a
 * text that happens to hold double brackets is read as plain text instead.
 */
function espeakInput(text: string): string {
  return text.replace(/\[{2,}|\]{2,}/g, ' ');
}

/** The language codes of `espeak-ng --voices`: its second column, under a header line. */
function listedVoices(voicesText: string): Set<string> {
  const rows = voicesText.split(/\r?\n/).slice(1);
  return new Set(rows.map((row) => row.trim().split(/\s+/)[1]).filter((code): code is string => Boolean(code)));
}

/** `eSpeak NG text-to-speech: 1.51  Data at: …` → `eSpeak NG 1.51`; another wording, its first line. */
function versionName(versionText: string): string {
  const firstLine = versionText.trim().split(/\r?\n/)[0] ?? '';
  const named = /^(.*?)\s+text-to-speech:\s*(\S+)/.exec(firstLine);
  return named ? `${named[1]} ${named[2]}` : firstLine.slice(0, 80) || 'espeak-ng';
}

/**
 * espeak-ng streams its WAV to stdout, so it cannot know the sizes when it writes the header and
 * puts placeholders there (about 2 GB). Browsers and sox guess around them, but the duration
 * would be wrong; the real sizes are written in, and the duration read from the format.
 */
export function completeWav(bytes: Buffer): Utterance {
  if (bytes.length < 44 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new SpeechFailure('failed', 'espeak-ng did not write a WAV file');
  }
  let byteRate = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const chunkId = bytes.toString('ascii', offset, offset + 4);
    const chunkSize = bytes.readUInt32LE(offset + 4);
    // The fmt chunk: format, channels, sample rate, then bytes per second.
    if (chunkId === 'fmt ' && offset + 16 <= bytes.length) byteRate = bytes.readUInt32LE(offset + 16);
    if (chunkId === 'data') {
      if (byteRate === 0) break;
      const dataBytes = bytes.length - (offset + 8);
      bytes.writeUInt32LE(dataBytes, offset + 4);
      bytes.writeUInt32LE(bytes.length - 8, 4);
      return { wav: bytes, durationMs: Math.round((dataBytes * 1000) / byteRate) };
    }
    // RIFF chunks are padded to an even length.
    offset += 8 + chunkSize + (chunkSize % 2);
  }
  throw new SpeechFailure('failed', 'the WAV from espeak-ng has no fmt or data chunk');
}

/** A WAV with no samples, in espeak-ng's own format (22 050 Hz, mono, 16-bit), for nothing to say. */
function silentUtterance(): Utterance {
  const sampleRate = 22_050;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(0, 40);
  return { wav: header, durationMs: 0 };
}

function cacheKey({ text, language, speed }: SpeechRequest): string {
  return JSON.stringify([language, speed, text]);
}

/** Least recently used first out, by count and by bytes; a Map keeps insertion order, so a hit is moved to the end. */
class UtteranceCache {
  private readonly entries = new Map<string, Utterance>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get(key: string): Utterance | undefined {
    const utterance = this.entries.get(key);
    if (utterance) {
      this.entries.delete(key);
      this.entries.set(key, utterance);
    }
    return utterance;
  }

  set(key: string, utterance: Utterance): void {
    // One utterance bigger than the whole budget would only push everything else out.
    if (utterance.wav.length > this.maxBytes || this.maxEntries <= 0) return;
    this.delete(key);
    this.entries.set(key, utterance);
    this.bytes += utterance.wav.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const utterance = this.entries.get(key);
    if (!utterance) return;
    this.bytes -= utterance.wav.length;
    this.entries.delete(key);
  }
}
