// Voice mode through the real kiosk core and the real espeak-ng: a sentence with an amount in each
// language comes back as a WAV that sox measures as speech of a plausible length and loudness,
// repeated words come from the cache, and a terminal without espeak-ng starts and serves as
// before, with voice mode refused calmly and the reason on the staff screen.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskError } from '../../src-main/core/api/contract';
import type { KioskDispatch } from '../../src-main/core/api/dispatcher';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import type { Message } from '../../src-main/core/messages/messages';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';

type Language = 'ru' | 'ba' | 'en';
interface Speech {
  audioBase64: string;
  durationMs: number;
}
interface VoiceStatus {
  available: boolean;
  languages: Language[];
}
interface StaffVoice {
  voice: { available: boolean; detail: Message };
}

/** The answer of a call the core must accept; a refusal fails the test showing its code and key. */
async function ok<T>(dispatch: KioskDispatch, method: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(method, input);
  expect(result.ok ? null : result.error, `${method} refused`).toBeNull();
  return (result as { value: T }).value;
}

/** The refusal of a call the core must refuse. */
async function refusal(dispatch: KioskDispatch, method: string, input: unknown = {}): Promise<KioskError> {
  const result = await dispatch(method, input);
  expect(result.ok, `${method} accepted`).toBe(false);
  return (result as { error: KioskError }).error;
}

/** The amount as the screens write it (`1 232,41 ₽`, with the same no-break spaces). */
const AMOUNT = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 }).format(1232.41);

/** About eight words in each language, one of them an amount of roubles and kopecks. */
const SENTENCES: Record<Language, { withAmount: string; withoutAmount: string }> = {
  ru: { withAmount: `К оплате за отопление в ноябре: ${AMOUNT}.`, withoutAmount: 'К оплате за отопление в ноябре.' },
  ba: { withAmount: `Ноябрь өсөн йылытыу буйынса түләргә: ${AMOUNT}.`, withoutAmount: 'Ноябрь өсөн йылытыу буйынса түләргә.' },
  en: { withAmount: `Amount due for heating in November: ${AMOUNT}.`, withoutAmount: 'Amount due for heating in November.' },
};
const LANGUAGES = Object.keys(SENTENCES) as Language[];

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-voice-'));

interface SoxStat {
  lengthSeconds: number;
  rmsAmplitude: number;
}

/** What `sox <file> -n stat` measures (it writes its report to stderr). */
function soxStat(wav: Buffer, name: string): SoxStat {
  const file = path.join(tempDir, `${name}.wav`);
  fs.writeFileSync(file, wav);
  const sox = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' });
  expect(sox.status, sox.stderr).toBe(0);
  const field = (label: RegExp) => {
    const found = label.exec(sox.stderr);
    expect(found, `${label.source} in:\n${sox.stderr}`).not.toBeNull();
    return Number(found?.[1]);
  };
  return { lengthSeconds: field(/^Length \(seconds\):\s+([\d.]+)/m), rmsAmplitude: field(/^RMS\s+amplitude:\s+([\d.]+)/m) };
}

/** A stand-in for espeak-ng that notes every run in a file, then hands over to the real program. */
function countingEspeak(): { command: string; runs: () => string[] } {
  const log = path.join(tempDir, 'espeak-runs.log');
  const command = path.join(tempDir, 'counting-espeak');
  fs.writeFileSync(command, `#!/bin/sh\necho "$*" >> '${log}'\nexec espeak-ng "$@"\n`, { mode: 0o755 });
  return { command, runs: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []) };
}

let fixture: CoreFixture;

beforeAll(async () => {
  fixture = await startCoreFixture();
});

afterAll(async () => {
  await fixture?.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('voice mode with espeak-ng installed', () => {
  it('is available in Russian, Bashkir and English, before anyone logs in', async () => {
    expect(await ok<VoiceStatus>(fixture.core.dispatch, 'voice.status')).toEqual({ available: true, languages: ['ru', 'ba', 'en'] });
  });

  it('speaks a sentence with an amount in each language as a WAV of plausible length and loudness', async () => {
    const audio = new Map<Language, string>();
    for (const language of LANGUAGES) {
      const speech = await ok<Speech>(fixture.core.dispatch, 'voice.speak', {
        text: SENTENCES[language].withAmount,
        language,
        speed: 'normal',
      });
      const wav = Buffer.from(speech.audioBase64, 'base64');
      // A complete RIFF file: its sizes are the real ones, not espeak-ng's streaming placeholders.
      expect(wav.toString('ascii', 0, 4), language).toBe('RIFF');
      expect(wav.toString('ascii', 8, 12), language).toBe('WAVE');
      expect(wav.readUInt32LE(4), language).toBe(wav.length - 8);

      const stat = soxStat(wav, language);
      expect(stat.lengthSeconds, language).toBeGreaterThan(0.8);
      expect(stat.lengthSeconds, language).toBeLessThan(15);
      expect(stat.rmsAmplitude, `${language}: not silence`).toBeGreaterThan(0.02);
      expect(Math.abs(speech.durationMs - stat.lengthSeconds * 1000), `${language}: durationMs`).toBeLessThan(50);
      audio.set(language, speech.audioBase64);

      // The amount is spoken in words (roubles and kopecks take a second or more), not skipped.
      const withoutAmount = await ok<Speech>(fixture.core.dispatch, 'voice.speak', {
        text: SENTENCES[language].withoutAmount,
        language,
        speed: 'normal',
      });
      expect(speech.durationMs - withoutAmount.durationMs, `${language}: the amount is heard`).toBeGreaterThan(1_000);
    }
    expect(new Set(audio.values()).size, 'three languages, three different recordings').toBe(3);
  });

  it('speaks slower at «slow» and faster at «fast»', async () => {
    const text = SENTENCES.ru.withAmount;
    const durations = [];
    for (const speed of ['slow', 'normal', 'fast'] as const) {
      durations.push((await ok<Speech>(fixture.core.dispatch, 'voice.speak', { text, language: 'ru', speed })).durationMs);
    }
    const [slow = 0, normal = 0, fast = 0] = durations;
    expect(slow).toBeGreaterThan(normal * 1.15);
    expect(normal).toBeGreaterThan(fast * 1.15);
  });

  it('takes up to 1000 characters; longer texts, other languages and speeds are refused by the contract', async () => {
    const longText = 'Показания счётчиков можно передать до двадцать пятого числа. '.repeat(20).slice(0, 1000);
    const speech = await ok<Speech>(fixture.core.dispatch, 'voice.speak', { text: longText, language: 'ru', speed: 'fast' });
    expect(speech.durationMs).toBeGreaterThan(20_000);

    const tooLong = await refusal(fixture.core.dispatch, 'voice.speak', { text: `${longText}.`, language: 'ru', speed: 'fast' });
    expect(tooLong).toMatchObject({ code: 'invalid-input', fields: { text: { key: 'errors.checkField' } } });
    for (const input of [
      { text: '', language: 'ru', speed: 'normal' },
      { text: 'Здравствуйте', language: 'de', speed: 'normal' },
      { text: 'Здравствуйте', language: 'ru', speed: 'very-fast' },
      { text: 'Здравствуйте', language: 'ru', speed: 'normal', volume: 1 },
    ]) {
      expect(await refusal(fixture.core.dispatch, 'voice.speak', input), JSON.stringify(input)).toMatchObject({ code: 'invalid-input' });
    }
  });

  it('shows staff the engine and its version', async () => {
    const { dispatch } = fixture.core;
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    const status = await ok<StaffVoice>(dispatch, 'staff.status');
    await ok(dispatch, 'staff.logout');
    expect(status.voice).toMatchObject({ available: true, detail: { key: 'voice.engine.ready' } });
    expect(russianText(status.voice.detail)).toMatch(/^Работает: eSpeak NG \d+\.\d+/);
  });
});

describe('the cache of recent utterances', () => {
  let counted: CoreFixture;
  const espeak = countingEspeak();

  beforeAll(async () => {
    counted = await startCoreFixture({ voice: { espeakCommand: espeak.command } });
  });

  afterAll(async () => {
    await counted?.close();
  });

  it('answers the same words at the same speed from memory, and runs espeak-ng again for another speed', async () => {
    const request = { text: 'Передать показания', language: 'ru', speed: 'normal' };
    const first = await ok<Speech>(counted.core.dispatch, 'voice.speak', request);
    const synthesised = () => espeak.runs().filter((run) => run.includes('--stdout')).length;
    expect(synthesised()).toBe(1);

    const again = await ok<Speech>(counted.core.dispatch, 'voice.speak', request);
    expect(again).toEqual(first);
    expect(synthesised(), 'the second time comes from the cache').toBe(1);

    // Two taps at once are one run too: the second waits in the queue and finds the first's audio.
    const text = 'Оплатить';
    const [one, two] = await Promise.all([
      ok<Speech>(counted.core.dispatch, 'voice.speak', { text, language: 'ru', speed: 'normal' }),
      ok<Speech>(counted.core.dispatch, 'voice.speak', { text, language: 'ru', speed: 'normal' }),
    ]);
    expect(one).toEqual(two);
    expect(synthesised()).toBe(2);

    const faster = await ok<Speech>(counted.core.dispatch, 'voice.speak', { ...request, speed: 'fast' });
    expect(faster.durationMs).toBeLessThan(first.durationMs);
    expect(synthesised()).toBe(3);
    // The availability check ran once, not once per call.
    expect(espeak.runs().filter((run) => run === '--version')).toHaveLength(1);
  });
});

describe('a terminal without espeak-ng', () => {
  let silent: CoreFixture;
  const missingProgram = path.join(tempDir, 'no-such-espeak-ng');

  beforeAll(async () => {
    silent = await startCoreFixture({ voice: { espeakCommand: missingProgram } });
  });

  afterAll(async () => {
    await silent?.close();
  });

  it('starts, says voice mode is unavailable, and refuses to speak with the catalog message', async () => {
    const { dispatch } = silent.core;
    expect(await ok<VoiceStatus>(dispatch, 'voice.status')).toEqual({ available: false, languages: [] });

    const refused = await refusal(dispatch, 'voice.speak', { text: SENTENCES.ru.withAmount, language: 'ru', speed: 'normal' });
    expect(refused).toEqual({ code: 'voice-unavailable', message: { key: 'voice.errors.unavailable' } });
    expect(russianText(refused.message)).toMatch(/^Голосовое сопровождение сейчас недоступно/);
  });

  it('tells staff the program was not found and where to set it', async () => {
    const { dispatch } = silent.core;
    await ok(dispatch, 'staff.login', { staffNumber: '1001', pin: '123456' });
    const status = await ok<StaffVoice>(dispatch, 'staff.status');
    await ok(dispatch, 'staff.logout');
    expect(status.voice).toEqual({ available: false, detail: { key: 'voice.engine.notFound', values: { command: missingProgram } } });
    expect(russianText(status.voice.detail)).toContain(`Программа «${missingProgram}» не найдена`);
    expect(russianText(status.voice.detail)).toContain('voice.espeakCommand');
  });

  it('serves the other methods as before', async () => {
    const terminal = await ok<{ terminalId: string; languages: string[] }>(silent.core.dispatch, 'terminal.status');
    expect(terminal.terminalId).toBe('UIS-TRAINING-01');
    expect(terminal.languages).toEqual(['ru', 'ba', 'en']);
    const startScreen = await ok<{ utilityShortName: string }>(silent.core.dispatch, 'reference.startScreen');
    expect(startScreen.utilityShortName).toMatch(/\S/);
  });
});
