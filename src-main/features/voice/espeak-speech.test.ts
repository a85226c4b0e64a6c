// EspeakSpeech against a stand-in for espeak-ng (a small Node script that answers like it and
// notes each run), so the queue, the cache, the time limit and the availability check are tested
// without the real program. tests/integration/voice-speech.test.ts speaks with the real one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeWav, EspeakSpeech, SpeechFailure, type SpeechRequest } from './espeak-speech';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'espeak-speech-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/**
 * Writes a fake espeak-ng, a POSIX shell script (quick to start): `--version` and `--voices`
 * answer as 1.51 does; otherwise it reads the text from stdin and writes a streamed WAV
 * (placeholder sizes, as espeak-ng writes them) of 10 ms of silence per byte of text. A text
 * `sleep:<seconds>` hangs instead. Each run is noted in the log: `--version`, `start <args> <text>`, `end`.
 */
function fakeEspeak(name: string, voices = ['ru', 'ba', 'en-gb']) {
  const log = path.join(folder, `${name}.log`);
  const command = path.join(folder, name);
  const voiceRows = voices.map((voice) => ` 5  ${voice.padEnd(15)} --/M      Voice_${voice}       xx/${voice}`);
  const script = [
    '#!/bin/sh',
    `log='${log}'`,
    'case "$1" in',
    `  --version) echo '--version' >> "$log"; echo 'eSpeak NG text-to-speech: 1.51  Data at: /usr/share/espeak-ng-data' ;;`,
    `  --voices) printf '%s\n' 'Pty Language       Age/Gender VoiceName          File                 Other Languages' ${voiceRows.map((row) => `'${row}'`).join(' ')} ;;`,
    '  *)',
    '    text=$(cat)',
    '    echo "start $* $text" >> "$log"',
    // exec: the kill reaches the sleeping process itself, as it would reach a stuck espeak-ng.
    '    case "$text" in sleep:*) exec sleep "${text#sleep:}" ;; esac',
    // RIFF header, 22 050 Hz mono 16-bit (44 100 bytes a second), sizes as espeak-ng streams them.
    "    printf 'RIFF\\044\\360\\377\\177WAVEfmt \\020\\000\\000\\000\\001\\000\\001\\000\\042\\126\\000\\000\\104\\254\\000\\000\\002\\000\\020\\000data\\000\\360\\377\\177'",
    '    head -c $(( ${#text} * 441 )) /dev/zero',
    '    echo end >> "$log" ;;',
    'esac',
    '',
  ].join('\n');
  fs.writeFileSync(command, script, { mode: 0o755 });
  const lines = () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);
  return { command, lines, synthesisRuns: () => lines().filter((line) => line.startsWith('start ')) };
}

/** The fake's duration: 10 ms per byte of UTF-8 (the shell counts bytes). */
const fakeDurationMs = (text: string) => Buffer.byteLength(text, 'utf8') * 10;

const request = (text: string, speed: SpeechRequest['speed'] = 'normal'): SpeechRequest => ({ text, language: 'ru', speed });

describe('EspeakSpeech', () => {
  it('runs one espeak-ng process at a time, however many calls come at once', async () => {
    const espeak = fakeEspeak('one-at-a-time');
    const speech = new EspeakSpeech({ command: espeak.command });
    const texts = ['Оплатить', 'Передать показания', 'Выйти', 'Назад'];
    const utterances = await Promise.all(texts.map((text) => speech.speak(request(text))));
    expect(utterances.map((utterance) => utterance.durationMs)).toEqual(texts.map(fakeDurationMs));
    const synthesis = espeak.lines().filter((line) => line !== '--version');
    expect(synthesis.map((line) => line.split(' ')[0])).toEqual(texts.flatMap(() => ['start', 'end']));
    expect(espeak.synthesisRuns()[0]).toBe('start -v ru -s 165 --stdout Оплатить');
  });

  it('answers repeated words from the cache, and the same words at another speed with a new run', async () => {
    const espeak = fakeEspeak('cache');
    const speech = new EspeakSpeech({ command: espeak.command });
    const first = await speech.speak(request('Баланс'));
    expect(await speech.speak(request('Баланс'))).toBe(first);
    // A double tap: both are queued before either is spoken; the second finds the first's audio.
    const [one, two] = await Promise.all([speech.speak(request('Печать')), speech.speak(request('Печать'))]);
    expect(one).toBe(two);
    const slow = await speech.speak(request('Баланс', 'slow'));
    expect(slow).not.toBe(first);
    expect(espeak.synthesisRuns()).toEqual([
      'start -v ru -s 165 --stdout Баланс',
      'start -v ru -s 165 --stdout Печать',
      'start -v ru -s 125 --stdout Баланс',
    ]);
    expect(espeak.lines().filter((line) => line === '--version')).toHaveLength(1);
  });

  it('forgets the least recently used utterance first', async () => {
    const espeak = fakeEspeak('lru');
    const speech = new EspeakSpeech({ command: espeak.command, cacheEntries: 2 });
    await speech.speak(request('один'));
    await speech.speak(request('два'));
    await speech.speak(request('один')); // used again: now «два» is the oldest
    await speech.speak(request('три')); // pushes out «два»
    await speech.speak(request('один'));
    await speech.speak(request('два'));
    expect(espeak.synthesisRuns().map((line) => line.split(' ').at(-1))).toEqual(['один', 'два', 'три', 'два']);
  });

  it('kills a run that takes too long, and the queue goes on', async () => {
    const espeak = fakeEspeak('timeout');
    const speech = new EspeakSpeech({ command: espeak.command, timeoutMs: 400 });
    const stuck = speech.speak(request('sleep:10'));
    const next = speech.speak(request('Далее'));
    await expect(stuck).rejects.toMatchObject({ name: 'SpeechFailure', kind: 'timed-out' });
    expect((await next).durationMs).toBe(fakeDurationMs('Далее'));
    // The killed run never ended by itself, and the next one started only after it was gone.
    expect(espeak.lines().filter((line) => line !== '--version')).toEqual([
      'start -v ru -s 165 --stdout sleep:10',
      'start -v ru -s 165 --stdout Далее',
      'end',
    ]);
  });

  it('is unavailable when the program is missing, and refuses to speak without trying', async () => {
    const speech = new EspeakSpeech({ command: path.join(folder, 'no-such-espeak-ng') });
    expect(await speech.status()).toEqual({ available: false, problem: { kind: 'not-found' } });
    const refused = speech.speak(request('Здравствуйте'));
    await expect(refused).rejects.toBeInstanceOf(SpeechFailure);
    await expect(refused).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('is unavailable when a voice is missing, naming it, and available with its version otherwise', async () => {
    const partial = new EspeakSpeech({ command: fakeEspeak('no-bashkir', ['ru', 'en-gb', 'de']).command });
    expect(await partial.status()).toEqual({ available: false, problem: { kind: 'voices-missing', voices: ['ba'] } });
    const complete = new EspeakSpeech({ command: fakeEspeak('complete').command });
    expect(await complete.status()).toEqual({ available: true, version: 'eSpeak NG 1.51' });
  });

  it('gives nothing to say a silent WAV without running espeak-ng, which would write no file at all', async () => {
    const espeak = fakeEspeak('blank');
    const speech = new EspeakSpeech({ command: espeak.command });
    const silence = await speech.speak(request('  '));
    expect(silence.durationMs).toBe(0);
    expect(completeWav(Buffer.from(silence.wav)).durationMs).toBe(0);
    expect(espeak.synthesisRuns()).toEqual([]);
  });

  it('reads phoneme brackets as plain text', async () => {
    const espeak = fakeEspeak('brackets');
    const speech = new EspeakSpeech({ command: espeak.command });
    await speech.speak(request("[[h@'loU]] дом"));
    expect(espeak.synthesisRuns()).toEqual(["start -v ru -s 165 --stdout  h@'loU  дом"]);
  });
});

describe('completeWav', () => {
  it('writes the real sizes over espeak-ng’s streaming placeholders and reads the duration', () => {
    const header = Buffer.alloc(44);
    header.write('RIFF', 0, 'ascii');
    header.writeUInt32LE(0x7ffff024, 4);
    header.write('WAVEfmt ', 8, 'ascii');
    header.writeUInt32LE(16, 16);
    header.writeUInt16LE(1, 20);
    header.writeUInt16LE(1, 22);
    header.writeUInt32LE(22_050, 24);
    header.writeUInt32LE(44_100, 28);
    header.writeUInt16LE(2, 32);
    header.writeUInt16LE(16, 34);
    header.write('data', 36, 'ascii');
    header.writeUInt32LE(0x7ffff000, 40);
    const { wav, durationMs } = completeWav(Buffer.concat([header, Buffer.alloc(44_100)]));
    expect(durationMs).toBe(1_000);
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.readUInt32LE(40)).toBe(44_100);
    expect(() => completeWav(Buffer.from('not a wav file, but long enough to have a header of 44 bytes'))).toThrow(SpeechFailure);
  });
});
