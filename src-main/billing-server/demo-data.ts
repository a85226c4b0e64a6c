// Deterministic demo data for the reference billing server: the five fixed demo accounts and 212
// more households in Ufa, 36 months of charges (heating in Гкал; hot water as water in м³ and heat
// in Гкал), recalculations, penalties, payments, meters with reading history, a phone for every
// account and the code printed on each account's last bill. The same date always gives the same
// data (a seeded generator, no Math.random), so tests can rely on it.
import crypto from 'node:crypto';
import { addDays, addMonths, addYears, dateInPeriod, daysBetween, periodOf, periodRange } from '../core/time/calendar';
import type { BillingDatabase } from './billing-database';
import { hashPassword } from './password-hash';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ACCOUNTS = {
  owesMoney: '820000001',
  paidInAdvance: '820000002',
  expiredVerification: '820000003',
  notRegistered: '820000004',
  /** Only the paper bill: no e-mail, no password, never registered; a mobile phone for SMS. */
  paperBillOnly: '820000217',
} as const;

export type DemoAccountName = keyof typeof DEMO_ACCOUNTS;

/** What README tells a trainer to type to register the unregistered demo account. */
export const DEMO_REGISTRATION = { accountNumber: '820000004', activationCode: '4821-7390-1156', email: 'ivanova@example.ru' } as const;

/** The activation code on the paper-bill-only account's bill, for registering it by SMS. */
export const DEMO_PAPER_BILL_ONLY_ACTIVATION_CODE = '7315-2048-6690';

/**
 * The «код квитанции» on the fixed demo accounts' bills. A real bill's code changes every month
 * (the generated accounts' codes do, see `derivedBillCode`); the fixed ones keep theirs in training
 * so that README's table stays true whatever the month.
 */
export const DEMO_BILL_CODES: Record<DemoAccountName, string> = {
  owesMoney: '3517',
  paidInAdvance: '6042',
  expiredVerification: '2978',
  notRegistered: '8150',
  paperBillOnly: '4726',
};

/** The phones on file. Иванова's is a landline in Ufa, which cannot receive an SMS. */
export const DEMO_PHONES: Record<DemoAccountName, string> = {
  owesMoney: '+79175550101',
  paidInAdvance: '+79175550202',
  expiredVerification: '+79175550303',
  notRegistered: '+73472460404',
  paperBillOnly: '+79175550505',
};

/** The training key the generated bills' codes are derived with (a real billing centre keeps its own secret). */
const BILL_CODE_KEY = 'uis-training-bill-code';

/** A generated account's bill code for a period: 4 digits from a keyed hash, so it changes every month. */
export function derivedBillCode(accountNumber: string, period: string): string {
  const digest = crypto.createHmac('sha256', BILL_CODE_KEY).update(`${accountNumber}/${period}`).digest();
  return String(digest.readUInt32BE(0) % 10_000).padStart(4, '0');
}

export const GENERATED_ACCOUNT_COUNT = 212;
export const HISTORY_MONTHS = 36;

export const SERVICE_NAMES = {
  heating: 'Отопление (физ.лица), Гкал',
  'hot-water-water': 'ГВС (физ.лица), м3 (компонент вода)',
  'hot-water-heat': 'ГВС (физ.лица), Гкал (компонент тепло)',
} as const;

// Tariffs in kopecks per unit, indexed every 1 July (as regulated tariffs in Russia are).
const HEAT_TARIFF_2023_07 = 215_560; // 2 155,60 ₽/Гкал
const WATER_TARIFF_2023_07 = 3_950; // 39,50 ₽/м³
const YEARLY_INDEXATION = 1.09;
/** Heat needed to warm one cubic metre of hot water (норматив подогрева), Гкал/м³. */
const HEAT_PER_HOT_WATER_M3 = 0.0593;
/** Heating norm per square metre per month of the heating season, Гкал/м². */
const HEATING_NORM_PER_M2 = 0.0214;
/** Hot-water norm per resident per month, м³. */
const HOT_WATER_NORM_PER_RESIDENT = 2.95;
const KEY_RATE = 0.16;
/** Hot-water meters are verified every 4 years; heat meters every 4 years too in this demo. */
const VERIFICATION_INTERVAL_YEARS = 4;

export function tariffKopecks(service: 'heat' | 'water', period: string): number {
  const base = service === 'heat' ? HEAT_TARIFF_2023_07 : WATER_TARIFF_2023_07;
  const [year, month] = period.split('-').map(Number) as [number, number];
  const indexations = year - 2023 + (month >= 7 ? 0 : -1);
  return Math.round(base * YEARLY_INDEXATION ** indexations);
}

export function inHeatingSeason(period: string): boolean {
  const month = Number(period.slice(5, 7));
  return month >= 10 || month <= 4;
}

/** mulberry32: a tiny, well-known seeded generator; good enough for demo households. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STREETS = [
  'ул. Ленина',
  'пр. Октября',
  'ул. Менделеева',
  'ул. Комсомольская',
  'ул. Российская',
  'ул. Рихарда Зорге',
  'ул. Кирова',
  'ул. Мажита Гафури',
  'ул. Пушкина',
  'ул. Достоевского',
  'б-р Хадии Давлетшиной',
  'ул. Бакалинская',
  'ул. Мингажева',
  'ул. Цюрупы',
  'ул. Первомайская',
  'ул. Шафиева',
  'пр. Салавата Юлаева',
  'ул. Айская',
  'ул. Гагарина',
  'ул. Интернациональная',
];
const HOUSE_STREETS = [
  'ул. Садовая',
  'ул. Дёмская',
  'ул. Уфимская',
  'ул. Луговая',
  'ул. Сипайловская',
  'ул. Шакшинская',
  'ул. Нижегородская',
];
const SURNAMES: Array<[string, string]> = [
  ['Иванов', 'Иванова'],
  ['Хабибуллин', 'Хабибуллина'],
  ['Галиев', 'Галиева'],
  ['Петров', 'Петрова'],
  ['Ахметов', 'Ахметова'],
  ['Сидоров', 'Сидорова'],
  ['Валиев', 'Валиева'],
  ['Кузнецов', 'Кузнецова'],
  ['Мухаметшин', 'Мухаметшина'],
  ['Смирнов', 'Смирнова'],
  ['Гарипов', 'Гарипова'],
  ['Юсупов', 'Юсупова'],
  ['Николаев', 'Николаева'],
  ['Шарипов', 'Шарипова'],
  ['Фёдоров', 'Фёдорова'],
  ['Зарипов', 'Зарипова'],
];
const MALE_NAMES = ['Рустам', 'Иван', 'Ильдар', 'Сергей', 'Азат', 'Алексей', 'Ринат', 'Николай', 'Артур', 'Владимир'];
const FEMALE_NAMES = ['Айгуль', 'Мария', 'Гульнара', 'Елена', 'Лилия', 'Ольга', 'Зульфия', 'Татьяна', 'Эльвира', 'Наталья'];
const FATHER_NAMES = [
  ['Ильдарович', 'Ильдаровна'],
  ['Петрович', 'Петровна'],
  ['Ринатович', 'Ринатовна'],
  ['Сергеевич', 'Сергеевна'],
  ['Маратович', 'Маратовна'],
  ['Николаевич', 'Николаевна'],
  ['Фанисович', 'Фанисовна'],
  ['Александрович', 'Александровна'],
] as const;
const CHANNELS = ['bank-online', 'bank-online', 'bank-online', 'bank-office', 'post', 'kiosk', 'utility-office'] as const;

/** `last-bill-unpaid`: everything paid except the last bill, so the bill in hand is exactly what is due. */
type PaymentHabit = 'on-time' | 'advance' | 'late' | 'stopped-paying' | 'last-bill-unpaid';

interface Household {
  accountNumber: string;
  holderName: string;
  address: string;
  dwelling: 'flat' | 'house';
  areaM2: number;
  residents: number;
  email: string | null;
  phone: string | null;
  activationCode: string;
  registered: boolean;
  habit: PaymentHabit;
  hotWaterMeters: Array<{ installedOn: string; verificationDueOn: string; monthlyM3: number }>;
  heatMeter: { installedOn: string; verificationDueOn: string } | null;
}

export interface DemoDataOptions {
  /** Today's date in Ufa; the last fully billed period is the month before. */
  today: string;
}

/** Fills an empty billing database. Runs in one transaction: all or nothing. */
export function generateDemoData(db: BillingDatabase, options: DemoDataOptions): void {
  const random = seededRandom(20261125);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lastPeriod = addMonths(periodOf(options.today), -1);
  const firstPeriod = addMonths(lastPeriod, -(HISTORY_MONTHS - 1));
  const periods = periodRange(firstPeriod, lastPeriod);
  const demoHash = hashPassword(DEMO_PASSWORD);

  const households: Household[] = [];
  const randomHousehold = (accountNumber: string): Household => {
    const female = random() < 0.55;
    const surname = pick(SURNAMES)[female ? 1 : 0];
    const holderName = `${surname} ${pick(female ? FEMALE_NAMES : MALE_NAMES)} ${pick(FATHER_NAMES)[female ? 1 : 0]}`;
    const dwelling = random() < 0.8 ? 'flat' : 'house';
    const address =
      dwelling === 'flat'
        ? `г. Уфа, ${pick(STREETS)}, д. ${int(1, 120)}, кв. ${int(1, 180)}`
        : `г. Уфа, ${pick(HOUSE_STREETS)}, д. ${int(1, 90)}`;
    const residents = int(1, 5);
    const meterCount = dwelling === 'flat' ? pick([0, 1, 1, 2, 2]) : pick([0, 1]);
    const hotWaterMeters = Array.from({ length: meterCount }, () => {
      const installedOn = addDays(options.today, -int(200, 1500));
      return {
        installedOn,
        verificationDueOn: addYears(installedOn, VERIFICATION_INTERVAL_YEARS),
        monthlyM3: (residents * 2.1) / meterCount,
      };
    });
    const heatMeterInstalled = dwelling === 'house' && random() < 0.5 ? addDays(options.today, -int(300, 1400)) : null;
    const registered = random() < 0.7;
    const habitRoll = random();
    return {
      accountNumber,
      holderName,
      address,
      dwelling,
      areaM2: dwelling === 'flat' ? int(28, 95) : int(60, 180),
      residents,
      email: registered ? `abonent.${accountNumber}@example.ru` : null,
      // The billing centre has a phone from the supply contract even for accounts never registered;
      // that one is derived from the number, so it draws nothing from the seeded sequence.
      phone: registered ? `+7917${String(int(0, 9_999_999)).padStart(7, '0')}` : `+7917${accountNumber.slice(2)}`,
      activationCode: `${int(1000, 9999)}-${int(1000, 9999)}-${int(1000, 9999)}`,
      registered,
      habit: habitRoll < 0.7 ? 'on-time' : habitRoll < 0.8 ? 'advance' : habitRoll < 0.95 ? 'late' : 'stopped-paying',
      hotWaterMeters,
      heatMeter: heatMeterInstalled
        ? { installedOn: heatMeterInstalled, verificationDueOn: addYears(heatMeterInstalled, VERIFICATION_INTERVAL_YEARS) }
        : null,
    };
  };

  // The four fixed demo accounts first, each set up to show one situation.
  const owes = randomHousehold(DEMO_ACCOUNTS.owesMoney);
  households.push({
    ...owes,
    holderName: 'Петров Сергей Николаевич',
    address: 'г. Уфа, ул. Ленина, д. 12, кв. 45',
    dwelling: 'flat',
    areaM2: 54,
    residents: 2,
    registered: true,
    habit: 'stopped-paying',
    email: 'petrov.sn@example.ru',
    phone: DEMO_PHONES.owesMoney,
  });
  const advance = randomHousehold(DEMO_ACCOUNTS.paidInAdvance);
  households.push({
    ...advance,
    holderName: 'Галиева Айгуль Ринатовна',
    address: 'г. Уфа, пр. Октября, д. 101, кв. 17',
    dwelling: 'flat',
    areaM2: 48,
    residents: 2,
    registered: true,
    habit: 'advance',
    email: 'galieva.ar@example.ru',
    phone: DEMO_PHONES.paidInAdvance,
  });
  const expiredInstall = addYears(addDays(options.today, -60), -VERIFICATION_INTERVAL_YEARS);
  const validInstall = addDays(options.today, -400);
  households.push({
    ...randomHousehold(DEMO_ACCOUNTS.expiredVerification),
    holderName: 'Хабибуллин Рустам Ильдарович',
    address: 'г. Уфа, ул. Менделеева, д. 140, кв. 8',
    dwelling: 'flat',
    areaM2: 62,
    residents: 3,
    registered: true,
    habit: 'on-time',
    email: 'khabibullin.ri@example.ru',
    phone: DEMO_PHONES.expiredVerification,
    hotWaterMeters: [
      { installedOn: expiredInstall, verificationDueOn: addYears(expiredInstall, VERIFICATION_INTERVAL_YEARS), monthlyM3: 3.4 },
      { installedOn: validInstall, verificationDueOn: addYears(validInstall, VERIFICATION_INTERVAL_YEARS), monthlyM3: 2.6 },
    ],
    heatMeter: null,
  });
  households.push({
    ...randomHousehold(DEMO_ACCOUNTS.notRegistered),
    holderName: 'Иванова Мария Петровна',
    address: 'г. Уфа, ул. Комсомольская, д. 23, кв. 61',
    dwelling: 'flat',
    areaM2: 41,
    registered: false,
    habit: 'on-time',
    email: null,
    phone: DEMO_PHONES.notRegistered,
    activationCode: DEMO_REGISTRATION.activationCode,
  });
  for (let index = 0; index < GENERATED_ACCOUNT_COUNT; index += 1) {
    households.push(randomHousehold(String(820_000_005 + index)));
  }
  // Written out in full and added last, so the generated households draw what they always drew.
  const paperBillMeterInstalled = addDays(options.today, -700);
  households.push({
    accountNumber: DEMO_ACCOUNTS.paperBillOnly,
    holderName: 'Сидорова Валентина Ивановна',
    address: 'г. Уфа, ул. Кирова, д. 7, кв. 3',
    dwelling: 'flat',
    areaM2: 44,
    residents: 1,
    email: null,
    phone: DEMO_PHONES.paperBillOnly,
    activationCode: DEMO_PAPER_BILL_ONLY_ACTIVATION_CODE,
    registered: false,
    habit: 'last-bill-unpaid',
    hotWaterMeters: [
      {
        installedOn: paperBillMeterInstalled,
        verificationDueOn: addYears(paperBillMeterInstalled, VERIFICATION_INTERVAL_YEARS),
        monthlyM3: 2.2,
      },
    ],
    heatMeter: null,
  });
  const fixedBillCodes = new Map<string, string>(
    Object.entries(DEMO_ACCOUNTS).map(([name, accountNumber]) => [accountNumber, DEMO_BILL_CODES[name as DemoAccountName]]),
  );

  const insertAccount = db.prepare(
    `INSERT INTO account (account_number, holder_name, address, dwelling, area_m2, residents, email, phone, activation_code,
       password_hash, registered_at, paper_bill, email_bill)
     VALUES (@accountNumber, @holderName, @address, @dwelling, @areaM2, @residents, @email, @phone, @activationCode,
       @passwordHash, @registeredAt, 1, 0)`,
  );
  const insertCharge = db.prepare(
    `INSERT INTO charge (account_number, period, service, service_name, unit, volume, tariff_kopecks, amount_kopecks, basis)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRecalculation = db.prepare(
    'INSERT INTO recalculation (account_number, period, service, reason, amount_kopecks) VALUES (?, ?, ?, ?, ?)',
  );
  const insertPenalty = db.prepare('INSERT INTO penalty (account_number, period, amount_kopecks) VALUES (?, ?, ?)');
  const insertPayment = db.prepare('INSERT INTO payment (account_number, paid_on, amount_kopecks, channel) VALUES (?, ?, ?, ?)');
  const insertMeter = db.prepare(
    `INSERT INTO meter (meter_id, account_number, service, unit, serial_number, installed_on, verification_due_on, integer_digits, fraction_digits)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertReading = db.prepare('INSERT INTO meter_reading (meter_id, period, taken_on, value) VALUES (?, ?, ?, ?)');
  const insertBillCode = db.prepare('INSERT INTO bill_code (account_number, period, code) VALUES (?, ?, ?)');

  db.transaction(() => {
    for (const household of households) {
      insertAccount.run({
        ...household,
        passwordHash: household.registered ? demoHash : null,
        registeredAt: household.registered ? `${addDays(options.today, -int(30, 900))}T10:00:00+05:00` : null,
      });
      // Only the last bill is in anyone's hands, so only its code opens a bill session.
      insertBillCode.run(
        household.accountNumber,
        lastPeriod,
        fixedBillCodes.get(household.accountNumber) ?? derivedBillCode(household.accountNumber, lastPeriod),
      );

      // Meters and their monthly readings; consumption per period feeds the charges below.
      const hotWaterByPeriod = new Map<string, { m3: number; basis: 'meter' | 'average' | 'norm' }>();
      const meterConsumption: Array<Map<string, number>> = [];
      household.hotWaterMeters.forEach((meter, index) => {
        const meterId = `${household.accountNumber}-HW${index + 1}`;
        insertMeter.run(
          meterId,
          household.accountNumber,
          'hot-water',
          'м³',
          `${pick(['ВСГ', 'СГВ', 'ETW'])}-${int(10_000_000, 99_999_999)}`,
          meter.installedOn,
          meter.verificationDueOn,
          5,
          3,
        );
        let value = Math.round(random() * 30 * 1000) / 1000;
        const consumption = new Map<string, number>();
        for (const period of periods) {
          const takenOn = dateInPeriod(period, int(15, 25));
          if (takenOn < meter.installedOn || takenOn > meter.verificationDueOn) continue;
          const used = Math.round(meter.monthlyM3 * (0.7 + random() * 0.6) * 1000) / 1000;
          value = Math.round((value + used) * 1000) / 1000;
          consumption.set(period, used);
          insertReading.run(meterId, period, takenOn, value);
        }
        meterConsumption.push(consumption);
      });
      if (household.heatMeter) {
        insertMeter.run(
          `${household.accountNumber}-HT1`,
          household.accountNumber,
          'heating',
          'Гкал',
          `ТЭМ-${int(100_000, 999_999)}`,
          household.heatMeter.installedOn,
          household.heatMeter.verificationDueOn,
          6,
          3,
        );
      }

      // Hot water per period: metered while every meter is in service, then average, then norm.
      periods.forEach((period, periodIndex) => {
        const norm = Math.round(household.residents * HOT_WATER_NORM_PER_RESIDENT * 1000) / 1000;
        if (household.hotWaterMeters.length === 0) return hotWaterByPeriod.set(period, { m3: norm, basis: 'norm' });
        const metered = meterConsumption.map((consumption) => consumption.get(period));
        if (metered.every((used) => used !== undefined)) {
          return hotWaterByPeriod.set(period, { m3: round3(metered.reduce((sum: number, used) => sum + (used ?? 0), 0)), basis: 'meter' });
        }
        const lastMetered = periods.slice(0, periodIndex).filter((earlier) => hotWaterByPeriod.get(earlier)?.basis === 'meter');
        const monthsWithout = periodIndex - (lastMetered.length > 0 ? periods.indexOf(lastMetered[lastMetered.length - 1] as string) : -1);
        if (lastMetered.length > 0 && monthsWithout <= 3) {
          const recent = lastMetered.slice(-6).map((earlier) => hotWaterByPeriod.get(earlier)?.m3 ?? 0);
          return hotWaterByPeriod.set(period, { m3: round3(recent.reduce((sum, m3) => sum + m3, 0) / recent.length), basis: 'average' });
        }
        return hotWaterByPeriod.set(period, { m3: norm, basis: 'norm' });
      });

      let heatMeterValue = household.heatMeter ? int(100, 900) : 0;
      let balance = 0;
      const billByPeriod = new Map<string, number>();
      for (const period of periods) {
        // Penalty on what was owed more than 30 days (1/300 of the key rate per day).
        const previousBill = billByPeriod.get(addMonths(period, -1)) ?? 0;
        const overdue = balance - previousBill;
        let charged = 0;
        if (overdue > 1_000) {
          const penalty = Math.round((overdue * KEY_RATE * 30) / 300);
          insertPenalty.run(household.accountNumber, period, penalty);
          charged += penalty;
        }

        const heatTariff = tariffKopecks('heat', period);
        if (inHeatingSeason(period)) {
          let volume = round4(household.areaM2 * HEATING_NORM_PER_M2);
          let basis: 'meter' | 'area' = 'area';
          if (household.heatMeter && household.heatMeter.installedOn <= dateInPeriod(period, 1)) {
            volume = round4(volume * (0.75 + random() * 0.3));
            heatMeterValue = round3(heatMeterValue + volume);
            insertReading.run(`${household.accountNumber}-HT1`, period, dateInPeriod(period, int(18, 25)), heatMeterValue);
            basis = 'meter';
          }
          const amount = Math.round(volume * heatTariff);
          insertCharge.run(household.accountNumber, period, 'heating', SERVICE_NAMES.heating, 'Гкал', volume, heatTariff, amount, basis);
          charged += amount;
        }
        const hotWater = hotWaterByPeriod.get(period) ?? { m3: 0, basis: 'norm' as const };
        const waterTariff = tariffKopecks('water', period);
        const waterAmount = Math.round(hotWater.m3 * waterTariff);
        const heatVolume = round4(hotWater.m3 * HEAT_PER_HOT_WATER_M3);
        const heatAmount = Math.round(heatVolume * heatTariff);
        insertCharge.run(
          household.accountNumber,
          period,
          'hot-water-water',
          SERVICE_NAMES['hot-water-water'],
          'м³',
          hotWater.m3,
          waterTariff,
          waterAmount,
          hotWater.basis,
        );
        insertCharge.run(
          household.accountNumber,
          period,
          'hot-water-heat',
          SERVICE_NAMES['hot-water-heat'],
          'Гкал',
          heatVolume,
          heatTariff,
          heatAmount,
          hotWater.basis,
        );
        charged += waterAmount + heatAmount;

        // Summer maintenance: hot water is off for about two weeks, and the bill is reduced.
        const month = Number(period.slice(5, 7));
        if ((month === 6 || month === 7) && random() < 0.35) {
          const days = int(10, 14);
          const reduction = -Math.round(((waterAmount + heatAmount) * days) / 30);
          insertRecalculation.run(
            household.accountNumber,
            period,
            'hot-water-water',
            `Перерасчёт за ${days} дн. отключения ГВС (плановый ремонт тепловых сетей)`,
            reduction,
          );
          charged += reduction;
        } else if (random() < 0.02) {
          const correction = int(-30_000, 30_000);
          insertRecalculation.run(
            household.accountNumber,
            period,
            'hot-water-water',
            'Перерасчёт по показаниям прибора учёта за предыдущий период',
            correction,
          );
          charged += correction;
        }
        balance += charged;
        billByPeriod.set(period, charged);

        // The bill of this period is paid next month, if at all, and only payments up to yesterday exist.
        const payOn = dateInPeriod(addMonths(period, 1), int(2, 14));
        const monthsBeforeLast = periods.length - 1 - periods.indexOf(period);
        let pay = 0;
        switch (household.habit) {
          case 'on-time':
            pay = Math.max(0, balance);
            break;
          case 'advance':
            pay = Math.max(0, balance) + (monthsBeforeLast === 1 ? 1_000_000 : 0);
            break;
          case 'late':
            pay = periods.indexOf(period) % 3 === 2 ? Math.max(0, balance) : 0;
            break;
          case 'stopped-paying':
            pay = monthsBeforeLast >= 3 ? Math.max(0, balance) : 0;
            break;
          case 'last-bill-unpaid':
            pay = monthsBeforeLast >= 1 ? Math.max(0, balance) : 0;
            break;
        }
        if (pay > 0 && daysBetween(payOn, options.today) >= 1) {
          insertPayment.run(household.accountNumber, payOn, pay, pick(CHANNELS));
          balance -= pay;
        }
      }
    }
  })();
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
