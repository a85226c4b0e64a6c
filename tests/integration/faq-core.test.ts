// «Частые вопросы» through the real core and the real reference billing server: every topic in the
// three languages, tied to appeal topics that exist, open to anyone at the terminal; the saved copy
// when the billing centre goes away, and the usual refusal when there is no copy yet.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { KioskResult } from '../../src-main/core/api/contract';
import { parseKioskConfig } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';
import { startReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import type { KioskOutput } from '../../src-main/features/kiosk-methods';
import { DEMO } from '../support/demo-accounts';

const START = Date.parse('2026-11-20T10:00:00+05:00');

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faq-core-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startCore(billingUrl: string, dir: string, clock: () => number = () => START): Promise<KioskCore> {
  const core = await startKioskCore({ config: parseKioskConfig({ billing: { url: billingUrl, timeoutMs: 1000 } }), dataDir: dir, clock });
  onTestFinished(() => core.close());
  return core;
}

/** The reference billing server; `stop()` takes it away in the middle of a test. */
async function startServer(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), now: () => START });
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    await server.close();
  };
  onTestFinished(stop);
  return { url: server.url, stop };
}

function value<T>(result: KioskResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.key}`);
  return result.value;
}

const faq = async (core: KioskCore) => value(await core.dispatch('faq.list', {})) as KioskOutput<'faq.list'>;

/** A loopback port nothing listens on: a billing centre that cannot be reached. */
async function deadPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('«Частые вопросы»', () => {
  it('answers anyone at the terminal with every topic of the manual, each question in Russian, Bashkir and English', async () => {
    const dir = tempDir();
    const server = await startServer(dir);
    const core = await startCore(server.url, dir);

    const answer = await faq(core);
    expect(answer.fromCache).toBe(false);
    expect(answer.topics.map((topic) => topic.id)).toEqual([
      'readings',
      'verification',
      'payment',
      'recalculations',
      'registration',
      'personal-account',
    ]);
    expect(answer.topics.map((topic) => topic.title.ru)).toEqual([
      'Передача показаний',
      'Поверка счётчиков',
      'Способы оплаты',
      'Перерасчёт',
      'Регистрация',
      'Личный кабинет',
    ]);
    for (const topic of answer.topics) {
      expect(topic.questions.length, topic.id).toBeGreaterThanOrEqual(3);
      for (const text of [topic.title, ...topic.questions.flatMap((entry) => [entry.question, entry.answer])]) {
        expect(text.ru, text.ru).toMatch(/[А-Яа-яЁё]/);
        // Bashkir in its own letters, English in Latin ones: each a translation, not the Russian again.
        expect(text.ba, text.ru).not.toBe(text.ru);
        expect(text.en, text.ru).toMatch(/^[^А-Яа-яЁё]*[A-Za-z]/);
      }
    }
    expect(answer.topics.flatMap((topic) => topic.questions.map((entry) => entry.answer.ba)).join(' ')).toMatch(/[ҡғҙҫңәөүһ]/);
    // The facts of the manual: readings correctable within the month, the activation code from the last bill.
    const answers = answer.topics.flatMap((topic) => topic.questions.map((entry) => entry.answer.ru)).join('\n');
    expect(answers).toContain('для расчёта принимаются только последние переданные');
    expect(answers).toContain('Код активации указан на квитанции за последний расчётный месяц');
    // The reading window is the billing centre's own: every day of the month by default.
    expect(answers).toContain('Показания принимаются в любой день месяца.');
  });

  it('ties every topic to appeal topics the customer can choose, so a new appeal can offer its questions first', async () => {
    const dir = tempDir();
    const server = await startServer(dir);
    const core = await startCore(server.url, dir);
    const { accountNumber, password } = DEMO.owesMoney;
    value(await core.dispatch('session.login', { accountNumber, password }));
    const appealTopics = (value(await core.dispatch('appeals.topics', {})) as KioskOutput<'appeals.topics'>).topics.map(
      (topic) => topic.id,
    );

    const byAppealTopic = new Map<string, string[]>();
    for (const topic of (await faq(core)).topics) {
      expect(topic.appealTopicIds.length, topic.id).toBeGreaterThan(0);
      for (const appealTopicId of topic.appealTopicIds) {
        expect(appealTopics, topic.id).toContain(appealTopicId);
        byAppealTopic.set(appealTopicId, [...(byAppealTopic.get(appealTopicId) ?? []), topic.id]);
      }
    }
    expect(Object.fromEntries(byAppealTopic)).toEqual({
      readings: ['readings', 'verification'],
      payments: ['payment'],
      charges: ['recalculations'],
      other: ['registration', 'personal-account'],
    });
  });

  it('serves the saved copy when the billing centre goes away, and marks it as saved', async () => {
    const dir = tempDir();
    const server = await startServer(dir);
    let now = START;
    const core = await startCore(server.url, dir, () => now);
    const fresh = await faq(core);

    await server.stop();
    now += 60 * 60_000;
    const saved = await faq(core);
    expect(saved.fromCache).toBe(true);
    expect(saved.topics).toEqual(fresh.topics);
  });

  it('refuses as usual, billing centre unavailable, when it cannot be reached and nothing is saved yet', async () => {
    const core = await startCore(`http://127.0.0.1:${await deadPort()}`, tempDir());
    expect(await core.dispatch('faq.list', {})).toMatchObject({
      ok: false,
      error: { code: 'billing-unavailable', message: { key: 'errors.billing-unavailable' } },
    });
  });
});
