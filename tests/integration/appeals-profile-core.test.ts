// «Виртуальная приёмная» and «Личная информация» through the real kiosk core against the reference
// billing server: topics and appeals with their statuses and answers, contacts checked and
// normalised in the core, bill delivery, and a password change whose secrets never stay in the
// kiosk's SQLite once the billing centre has answered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceBillingServer, type ReferenceBillingServer } from '../../src-main/billing-server/reference-billing-server';
import type { KioskError, KioskResult } from '../../src-main/core/api/contract';
import type { KioskMethodName, KioskOutput } from '../../src-main/features/kiosk-methods';
import { BillingClient } from '../../src-main/core/billing/billing-client';
import { BillingForwarder } from '../support/billing-forwarder';
import { startCoreFixture, type CoreFixture } from '../support/kiosk-core-fixture';
import { russianText } from '../../src-main/core/messages/message-test-kit';
import { DEMO } from '../support/demo-accounts';

function caller(fixture: () => CoreFixture) {
  const call = async <N extends KioskMethodName>(method: N, input: unknown = {}) =>
    (await fixture().core.dispatch(method, input)) as KioskResult<KioskOutput<N>>;
  const value = async <N extends KioskMethodName>(method: N, input: unknown = {}): Promise<KioskOutput<N>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.message.key}`);
    return result.value;
  };
  const refusal = async (method: KioskMethodName, input: unknown = {}): Promise<KioskError> => {
    const result = await call(method, input);
    if (result.ok) throw new Error(`${method} should have been refused`);
    return result.error;
  };
  const logIn = async (accountNumber: string, password = 'demo1234') => {
    await value('session.logout');
    await value('session.login', { accountNumber, password });
  };
  return { call, value, refusal, logIn };
}

describe('with the training billing centre', () => {
  let fixture: CoreFixture;
  let billing: BillingClient;
  let billingDb: Database.Database;
  const { value, refusal, logIn, call } = caller(() => fixture);

  beforeAll(async () => {
    fixture = await startCoreFixture();
    billing = new BillingClient({ baseUrl: fixture.core.billingUrl, terminalId: 'TEST-01', terminalKey: 'training', timeoutMs: 5000 });
    billingDb = new Database(path.join(fixture.dataDir, 'training-billing.sqlite'));
  });

  afterAll(async () => {
    billingDb?.close();
    await fixture?.close();
  });

  describe('Виртуальная приёмная', () => {
    it('is for logged-in customers only', async () => {
      await value('session.logout');
      expect((await refusal('appeals.list')).code).toBe('not-logged-in');
      expect((await refusal('appeals.submit', { topicId: 'other', text: 'Вопрос' })).code).toBe('not-logged-in');
    });

    it('offers the reference topics and the profile contacts, masked, as where the answer goes', async () => {
      await logIn(DEMO.owesMoney.accountNumber);
      const { topics, profileContacts } = await value('appeals.topics');
      const reference = await billing.getReferenceData();
      expect(topics).toEqual(reference.appealTopics);
      expect(topics.map((topic) => topic.id)).toEqual([
        'readings',
        'charges',
        'payments',
        'heating-quality',
        'hot-water-quality',
        'service-quality',
        'other',
      ]);
      expect(profileContacts).toEqual({ phoneMasked: '+7 917 ***-**-01', emailMasked: 'p***n@example.ru' });
    });

    it('registers an appeal with a phone typed on the keypad, normalised to +7, and lists it as registered', async () => {
      await logIn(DEMO.owesMoney.accountNumber);
      const submitted = await value('appeals.submit', {
        topicId: 'hot-water-quality',
        text: '  Горячая вода еле тёплая с 1 числа.  ',
        contactPhone: '89171234567',
      });
      expect(submitted.delivery).toBe('delivered');
      expect(submitted.appealNumber).toMatch(/^О-\d{8}-\d{6}$/);
      expect(submitted.localReference).toMatch(/^UIS-TRAINING-01-\d{6}$/);
      expect(submitted.answerTo).toEqual({ phoneMasked: '+7 917 ***-**-67', emailMasked: null });

      const row = billingDb
        .prepare<[string], { text: string; contact_phone: string | null; contact_email: string | null; topic_id: string }>(
          'SELECT text, contact_phone, contact_email, topic_id FROM appeal WHERE appeal_number = ?',
        )
        .get(submitted.appealNumber!);
      expect(row).toEqual({
        text: 'Горячая вода еле тёплая с 1 числа.',
        contact_phone: '+79171234567',
        contact_email: null,
        topic_id: 'hot-water-quality',
      });

      const { appeals, waiting } = await value('appeals.list');
      expect(waiting).toEqual([]);
      expect(appeals[0]).toMatchObject({
        appealNumber: submitted.appealNumber,
        topicId: 'hot-water-quality',
        topic: 'Качество горячей воды',
        text: 'Горячая вода еле тёплая с 1 числа.',
        status: 'registered',
        answer: null,
      });
    });

    it('sends the answer to the profile contacts when the customer types none', async () => {
      await logIn(DEMO.owesMoney.accountNumber);
      const submitted = await value('appeals.submit', { topicId: 'payments', text: 'Платёж от 3 числа не виден.', answerTo: 'profile' });
      expect(submitted.answerTo).toEqual({ phoneMasked: '+7 917 ***-**-01', emailMasked: 'p***n@example.ru' });
      const row = billingDb
        .prepare<[string], { contact_phone: string; contact_email: string }>(
          'SELECT contact_phone, contact_email FROM appeal WHERE appeal_number = ?',
        )
        .get(submitted.appealNumber!);
      expect(row).toEqual({ contact_phone: '+79175550101', contact_email: 'petrov.sn@example.ru' });
    });

    it('shows the status as the utility moves it on, and its answer', async () => {
      await logIn(DEMO.owesMoney.accountNumber);
      const { appealNumber } = await value('appeals.submit', {
        topicId: 'charges',
        text: 'Прошу пересчитать отопление.',
        contactEmail: 'Petrov.SN@Example.RU',
      });
      billingDb.prepare("UPDATE appeal SET status = 'in-progress' WHERE appeal_number = ?").run(appealNumber);
      expect((await value('appeals.list')).appeals.find((appeal) => appeal.appealNumber === appealNumber)?.status).toBe('in-progress');
      billingDb
        .prepare(
          "UPDATE appeal SET status = 'answered', answer = 'Перерасчёт выполнен в квитанции за следующий месяц.' WHERE appeal_number = ?",
        )
        .run(appealNumber);
      expect((await value('appeals.list')).appeals.find((appeal) => appeal.appealNumber === appealNumber)).toMatchObject({
        status: 'answered',
        answer: 'Перерасчёт выполнен в квитанции за следующий месяц.',
      });
      expect(billingDb.prepare('SELECT contact_email FROM appeal WHERE appeal_number = ?').pluck().get(appealNumber)).toBe(
        'Petrov.SN@example.ru',
      );
    });

    it('refuses an empty or blank text, a text over 2000 characters, a bad phone or e-mail and an unknown topic', async () => {
      await logIn(DEMO.owesMoney.accountNumber);
      const before = (await value('appeals.list')).appeals.length;

      const blank = await refusal('appeals.submit', { topicId: 'other', text: '  \n  ' });
      expect(blank).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.refusals.text-empty' } });
      expect(blank.fields?.text).toEqual({ key: 'appeals.refusals.text-empty' });
      expect((await refusal('appeals.submit', { topicId: 'other', text: '' })).message).toEqual({ key: 'appeals.refusals.text-empty' });

      const long = await refusal('appeals.submit', { topicId: 'other', text: 'я'.repeat(2001) });
      expect(long).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.fieldErrors.textTooLong' } });
      expect((await value('appeals.submit', { topicId: 'other', text: 'я'.repeat(2000) })).delivery).toBe('delivered');

      const email = await refusal('appeals.submit', { topicId: 'other', text: 'Вопрос', contactEmail: 'petrov@example' });
      expect(email).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.refusals.email-invalid' } });
      expect(email.fields?.contactEmail).toEqual({ key: 'appeals.refusals.email-invalid' });

      const phone = await refusal('appeals.submit', { topicId: 'other', text: 'Вопрос', contactPhone: '12345' });
      expect(phone).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.refusals.phone-invalid' } });

      const both = await refusal('appeals.submit', { topicId: 'other', text: ' ', contactPhone: '1', contactEmail: 'x' });
      expect(Object.keys(both.fields ?? {}).sort()).toEqual(['contactEmail', 'contactPhone', 'text']);

      const none = await refusal('appeals.submit', { topicId: 'other', text: 'Вопрос', answerTo: 'entered', contactEmail: ' ' });
      expect(none).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.refusals.contact-empty' } });
      expect(
        (await refusal('appeals.submit', { topicId: 'other', text: 'Вопрос', answerTo: 'profile', contactPhone: '9171234567' })).code,
      ).toBe('invalid-input');

      const topic = await refusal('appeals.submit', { topicId: 'weather', text: 'Вопрос' });
      expect(topic).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.refusals.topic-unknown' } });
      const noTopic = await refusal('appeals.submit', { topicId: '', text: 'Вопрос' });
      expect(noTopic).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.refusals.topic-unknown' } });

      expect((await value('appeals.list')).appeals.length).toBe(before + 1);
    });

    it('refuses the default when the profile has neither phone nor e-mail', async () => {
      billingDb
        .prepare(`UPDATE account SET email = NULL, phone = NULL WHERE account_number = '${DEMO.expiredVerification.accountNumber}'`)
        .run();
      await logIn(DEMO.expiredVerification.accountNumber);
      expect((await value('appeals.topics')).profileContacts).toEqual({ phoneMasked: null, emailMasked: null });
      const missing = await refusal('appeals.submit', { topicId: 'other', text: 'Вопрос' });
      expect(missing).toMatchObject({ code: 'invalid-input', message: { key: 'appeals.refusals.contact-missing' } });
      expect((await value('appeals.submit', { topicId: 'other', text: 'Вопрос', contactPhone: '83472223344' })).delivery).toBe('delivered');
    });
  });

  describe('Личная информация', () => {
    it('shows the holder and the contacts with their masked forms', async () => {
      await logIn(DEMO.paidInAdvance.accountNumber);
      const profile = await value('profile.get');
      expect(profile).toEqual({
        accountNumber: DEMO.paidInAdvance.accountNumber,
        holderName: 'Галиева Айгуль Ринатовна',
        address: 'г. Уфа, пр. Октября, д. 101, кв. 17',
        email: 'galieva.ar@example.ru',
        emailMasked: 'g***r@example.ru',
        phone: '+79175550202',
        phoneFormatted: '+7 917 555-02-02',
        phoneMasked: '+7 917 ***-**-02',
        paperBill: expect.any(Boolean),
        emailBill: expect.any(Boolean),
      });
    });

    it('refuses a bad e-mail or a phone that is not a Russian mobile, then accepts good ones', async () => {
      await logIn(DEMO.paidInAdvance.accountNumber);
      const badEmail = await refusal('profile.updateContacts', { email: 'galieva@@example.ru' });
      expect(badEmail).toMatchObject({ code: 'invalid-input', message: { key: 'profile.refusals.email-invalid' } });
      expect(badEmail.fields).toHaveProperty('email');
      const landline = await refusal('profile.updateContacts', { phone: '83472223344' });
      expect(landline).toMatchObject({ code: 'invalid-input', message: { key: 'profile.refusals.phone-invalid' } });
      expect(russianText(landline.message)).toContain('сотового телефона');
      expect((await refusal('profile.updateContacts', {})).message).toEqual({ key: 'profile.refusals.nothing-to-change' });
      expect((await refusal('profile.updateContacts', { email: 'x'.repeat(201) })).code).toBe('invalid-input');
      expect((await value('profile.get')).email).toBe('galieva.ar@example.ru');

      const changed = await value('profile.updateContacts', { email: 'aigul.g@example.ru', phone: '9173334455' });
      expect(changed.delivery).toBe('delivered');
      expect(changed.profile).toMatchObject({ email: 'aigul.g@example.ru', emailMasked: 'a***g@example.ru', phone: '+79173334455' });
      const session = await billing.login(DEMO.paidInAdvance.accountNumber, 'demo1234');
      expect(await billing.getProfile(session.sessionToken)).toMatchObject({ email: 'aigul.g@example.ru', phone: '+79173334455' });
      expect((await value('profile.get')).phoneMasked).toBe('+7 917 ***-**-55');
    });

    it('switches the bill by e-mail and by post', async () => {
      await logIn(DEMO.paidInAdvance.accountNumber);
      const on = await value('profile.updateNotifications', { paperBill: false, emailBill: true });
      expect(on.profile).toMatchObject({ paperBill: false, emailBill: true });
      expect(await value('profile.get')).toMatchObject({ paperBill: false, emailBill: true });
      const off = await value('profile.updateNotifications', { paperBill: true, emailBill: false });
      expect(off.profile).toMatchObject({ paperBill: true, emailBill: false });
      expect((await refusal('profile.updateNotifications', { paperBill: true })).code).toBe('invalid-input');
    });

    it('refuses a bill by e-mail when the profile has no e-mail', async () => {
      billingDb.prepare(`UPDATE account SET email = NULL WHERE account_number = '${DEMO.expiredVerification.accountNumber}'`).run();
      await logIn(DEMO.expiredVerification.accountNumber);
      const refused = await refusal('profile.updateNotifications', { paperBill: true, emailBill: true });
      expect(refused).toMatchObject({ code: 'invalid-input', message: { key: 'profile.refusals.email-bill-without-email' } });
    });

    it('changes the password after refusing weak, mismatched and wrong ones, and keeps no password in SQLite', async () => {
      await logIn(DEMO.paidInAdvance.accountNumber);
      const change = (currentPassword: string, newPassword: string, repeatPassword = newPassword) =>
        call('profile.changePassword', { currentPassword, newPassword, repeatPassword });
      const reasonOf = async (pending: Promise<KioskResult<unknown>>) => {
        const result = await pending;
        return result.ok ? 'accepted' : result.error.message.key;
      };
      expect(await reasonOf(change('demo1234', 'Kurai-2026', 'Kurai-2025'))).toBe('profile.refusals.repeat-mismatch');
      expect(await reasonOf(change('demo1234', 'password'))).toBe('profile.refusals.common');
      expect(await reasonOf(change('demo1234', 'QwertyUiop'))).toBe('profile.refusals.common');
      expect(await reasonOf(change('demo1234', '20262026'))).toBe('profile.refusals.digits-only');
      expect(await reasonOf(change('demo1234', 'kurai'))).toBe('profile.refusals.too-short');
      expect(await reasonOf(change('demo1234', 'demo1234'))).toBe('profile.refusals.same-as-current');
      expect(await reasonOf(change('', 'Kurai-2026'))).toBe('profile.refusals.current-missing');
      // None of these reached the outbox.
      const passwordRows = () =>
        fixture.core.services.db
          .prepare<[], { status: string; payload_json: string | null }>(
            "SELECT status, payload_json FROM outbox_message WHERE kind = 'password-change' ORDER BY id",
          )
          .all();
      expect(passwordRows()).toEqual([]);

      const wrong = await change('not-my-password', 'Kurai-2026');
      expect(wrong.ok).toBe(false);
      if (!wrong.ok) {
        expect(wrong.error).toMatchObject({
          code: 'billing-refused',
          billingCode: 'wrong-password',
          message: { key: 'profile.refusals.wrong-password', values: { attemptsLeft: 4 } },
          fields: { currentPassword: { key: 'profile.refusals.wrongPasswordField' } },
        });
        expect(russianText(wrong.error.message)).toBe(
          'Текущий пароль введён неверно. Проверьте его и введите ещё раз. Осталось попыток: 4.',
        );
      }

      const changed = await change('demo1234', 'Kurai-2026');
      expect(changed).toEqual({ ok: true, value: { changed: true } });

      await value('session.logout');
      expect((await refusal('session.login', { accountNumber: DEMO.paidInAdvance.accountNumber, password: 'demo1234' })).code).toBe(
        'wrong-credentials',
      );
      await logIn(DEMO.paidInAdvance.accountNumber, 'Kurai-2026');

      // Nothing of the change, refused or made, was ever written to the outbox or any database file.
      expect(passwordRows()).toEqual([]);
      expectNoSecretOnDisk(fixture.dataDir, ['Kurai-2026', 'not-my-password']);
    });

    // secure_delete zeroes freed pages and the outbox checkpoints the WAL after wiping secrets.
    it('leaves no byte of a delivered password in any kiosk database file', async () => {
      await logIn(DEMO.paidInAdvance.accountNumber, 'Kurai-2026');
      const changed = await value('profile.changePassword', {
        currentPassword: 'Kurai-2026',
        newPassword: 'Belaya-Reka-7',
        repeatPassword: 'Belaya-Reka-7',
      });
      expect(changed).toEqual({ changed: true });
      expectNoSecretOnDisk(fixture.dataDir, ['Kurai-2026', 'Belaya-Reka-7']);
    });

    it('locks the password change after five wrong current passwords, like login', async () => {
      await logIn(DEMO.owesMoney.accountNumber);
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const refused = await refusal('profile.changePassword', {
          currentPassword: `guess-${attempt}`,
          newPassword: 'Kurai-2026',
          repeatPassword: 'Kurai-2026',
        });
        expect(refused.message).toEqual({ key: 'profile.refusals.wrong-password', values: { attemptsLeft: 5 - attempt } });
      }
      const locked = await refusal('profile.changePassword', {
        currentPassword: 'guess-5',
        newPassword: 'Kurai-2026',
        repeatPassword: 'Kurai-2026',
      });
      expect(locked.code).toBe('locked-out');
      expect(locked.message).toEqual({ key: 'profile.refusals.lockedOut', values: { failures: 5, minutes: 15, seconds: 0 } });
      expect(russianText(locked.message)).toBe(
        'Смена пароля временно недоступна после 5 неудачных попыток ввести текущий пароль. Повторите через 15 минут.',
      );
      // Even the right one waits out the lock.
      const still = await refusal('profile.changePassword', {
        currentPassword: 'demo1234',
        newPassword: 'Kurai-2026',
        repeatPassword: 'Kurai-2026',
      });
      expect(still.code).toBe('locked-out');
    });
  });
});

/** No byte of any secret in any of the kiosk's database files (the store, its WAL and shared memory). */
function expectNoSecretOnDisk(dataDir: string, secrets: string[]): void {
  const files = fs.readdirSync(dataDir).filter((name) => name.startsWith('kiosk.sqlite'));
  expect(files).toContain('kiosk.sqlite');
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(dataDir, file));
    for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
  }
}

describe('when the billing centre does not answer', () => {
  let server: ReferenceBillingServer;
  let fixture: CoreFixture;
  const { value, refusal, logIn } = caller(() => fixture);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appeals-offline-'));

  beforeAll(async () => {
    server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite') });
    fixture = await startCoreFixture({ billing: { url: server.url, timeoutMs: 1000 } });
  });

  afterAll(async () => {
    await fixture?.close();
    await server?.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('queues an appeal honestly and takes no password it cannot deliver', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    // Topics are cached while the link is up, as the start screen does.
    await value('appeals.topics');
    await server.close();

    const queued = await value('appeals.submit', { topicId: 'heating-quality', text: 'Холодные батареи.', contactPhone: '9175550101' });
    expect(queued).toMatchObject({ delivery: 'pending', appealNumber: null });
    expect(queued.localReference).toMatch(/^UIS-TRAINING-01-\d{6}$/);

    expect((await refusal('profile.get')).code).toBe('billing-unavailable');
    const password = await refusal('profile.changePassword', {
      currentPassword: 'demo1234',
      newPassword: 'Kurai-2026',
      repeatPassword: 'Kurai-2026',
    });
    expect(password.code).toBe('billing-unavailable');
    expect(russianText(password.message)).toContain('Пароль можно сменить только при связи');
    const stored = fixture.core.services.db.prepare("SELECT count(*) FROM outbox_message WHERE kind = 'password-change'").pluck().get();
    expect(stored).toBe(0);
    expectNoSecretOnDisk(fixture.dataDir, ['Kurai-2026']);

    // The billing centre is back but the queued appeal has not gone yet (the worker is held): the
    // list shows it as waiting, under the terminal's reference.
    await fixture.core.services.outboxWorker.stop();
    server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite'), port: Number(new URL(server.url).port) });
    const { appeals, waiting } = await value('appeals.list');
    expect(appeals.some((appeal) => appeal.text === 'Холодные батареи.')).toBe(false);
    expect(waiting).toEqual([
      { localReference: queued.localReference, topic: 'Качество отопления', text: 'Холодные батареи.', submittedAt: queued.submittedAt },
    ]);
    fixture.core.services.outboxWorker.start();
  });
});

describe('when only the billing centre’s password write fails', () => {
  let server: ReferenceBillingServer;
  let forwarder: BillingForwarder;
  let fixture: CoreFixture;
  const { refusal, logIn } = caller(() => fixture);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'password-503-'));

  beforeAll(async () => {
    server = await startReferenceBillingServer({ dbFile: path.join(dir, 'billing.sqlite') });
    // Everything passes except the password write, which answers 503: the link looks up, the write cannot land.
    forwarder = new BillingForwarder({
      dropReadings: false,
      answer: ({ method, path: requestPath }) =>
        method === 'POST' && /\/password$/.test(requestPath)
          ? { status: 503, body: '{"code":"unavailable","message":"Сервис недоступен"}' }
          : null,
    });
    fixture = await startCoreFixture({ billing: { url: await forwarder.start(server.url) } });
  });

  afterAll(async () => {
    await fixture?.close();
    await forwarder?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the change plainly and keeps neither password anywhere on disk', async () => {
    await logIn(DEMO.owesMoney.accountNumber);
    const refused = await refusal('profile.changePassword', {
      currentPassword: 'demo1234',
      newPassword: 'Agidel-Reka-9',
      repeatPassword: 'Agidel-Reka-9',
    });
    expect([refused.code, refused.message.key]).toEqual(['billing-unavailable', 'profile.refusals.needsLink']);
    expect(fixture.core.services.db.prepare("SELECT count(*) FROM outbox_message WHERE kind = 'password-change'").pluck().get()).toBe(0);
    expectNoSecretOnDisk(fixture.dataDir, ['demo1234', 'Agidel-Reka-9']);
  });
});
