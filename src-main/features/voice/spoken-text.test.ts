import { describe, expect, it } from 'vitest';
import { speakableText, type SpeechLanguage } from './spoken-text';

/** Money exactly as the kiosk shows it (src-renderer/lib/format-money.ts): U+00A0 groups and before ₽. */
const moneyFormat = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 });
function shownMoney(kopecks: number): string {
  return moneyFormat.format(kopecks / 100);
}

const NBSP = '\u00A0';
const NARROW_NBSP = '\u202F';

function expectSpoken(language: SpeechLanguage, cases: Record<string, string>): void {
  for (const [shown, spoken] of Object.entries(cases)) expect(speakableText(shown, language), shown).toBe(spoken);
}

describe('the kiosk formatter these tests rely on', () => {
  it('groups with U+00A0 and puts U+00A0 before ₽', () => {
    expect(shownMoney(1_427_388)).toBe(`14${NBSP}273,88${NBSP}₽`);
  });
});

describe('speakableText, Russian', () => {
  const speak = (text: string) => speakableText(text, 'ru');

  it('says amounts with рубль/рубля/рублей and the feminine копейка/копейки/копеек', () => {
    expect(speak(shownMoney(0))).toBe('ноль рублей');
    expect(speak(shownMoney(101))).toBe('один рубль одна копейка');
    expect(speak(shownMoney(202))).toBe('два рубля две копейки');
    expect(speak(shownMoney(505))).toBe('пять рублей пять копеек');
    expect(speak(shownMoney(1111))).toBe('одиннадцать рублей одиннадцать копеек');
    expect(speak(shownMoney(1214))).toBe('двенадцать рублей четырнадцать копеек');
    expect(speak(shownMoney(2121))).toBe('двадцать один рубль двадцать одна копейка');
    expect(speak(shownMoney(2222))).toBe('двадцать два рубля двадцать две копейки');
    expect(speak(shownMoney(10_105))).toBe('сто один рубль пять копеек');
    expect(speak(shownMoney(11_100))).toBe('сто одиннадцать рублей');
    expect(speak(shownMoney(5))).toBe('ноль рублей пять копеек');
    expect(speak(shownMoney(1_427_388))).toBe('четырнадцать тысяч двести семьдесят три рубля восемьдесят восемь копеек');
    expect(speak(shownMoney(100_000_000))).toBe('один миллион рублей');
    expect(speak(shownMoney(200_100_000))).toBe('два миллиона одна тысяча рублей');
  });

  it('says a negative amount with «минус», hyphen or U+2212', () => {
    expect(speak(shownMoney(-1_427_388))).toBe('минус четырнадцать тысяч двести семьдесят три рубля восемьдесят восемь копеек');
    expect(speak(`\u22125${NBSP}000,50${NBSP}₽`)).toBe('минус пять тысяч рублей пятьдесят копеек');
  });

  it('accepts U+202F, a plain space or none before ₽, and «руб.»', () => {
    expect(speak(`14${NARROW_NBSP}273,88${NARROW_NBSP}₽`)).toBe('четырнадцать тысяч двести семьдесят три рубля восемьдесят восемь копеек');
    expect(speak('21,00 ₽')).toBe('двадцать один рубль');
    expect(speak('3₽')).toBe('три рубля');
    expect(speak('150 руб.')).toBe('сто пятьдесят рублей.');
    expect(speak('Итого 150 руб. за месяц')).toBe('Итого сто пятьдесят рублей за месяц');
    expect(speak('Итого 150 руб. Оплатите')).toBe('Итого сто пятьдесят рублей. Оплатите');
  });

  it('reads the catalogs’ «1 000 000 ₽» with plain spaces as one amount', () => {
    expect(speak('не более 1 000 000 ₽.')).toBe('не более один миллион рублей.');
  });

  it('says a tariff per unit, hundredths of a kopeck included', () => {
    expect(speak(`2${NBSP}155,60${NBSP}₽/Гкал`)).toBe('две тысячи сто пятьдесят пять рублей шестьдесят копеек за гигакалорию');
    expect(speak(`45,5612${NBSP}₽/м³`)).toBe('сорок пять рублей пятьдесят шесть целых двенадцать сотых копейки за кубический метр');
    expect(speak('Тариф, ₽/Гкал')).toBe('Тариф, рублей за гигакалорию');
  });

  it('reads meter readings as decimal fractions, trailing zeros included', () => {
    expect(speak('416,264')).toBe('четыреста шестнадцать целых двести шестьдесят четыре тысячных');
    expect(speak('416,260')).toBe('четыреста шестнадцать целых двести шестьдесят тысячных');
    expect(speak('9,236')).toBe('девять целых двести тридцать шесть тысячных');
    expect(speak('1,1')).toBe('одна целая одна десятая');
    expect(speak('2,2')).toBe('две целых две десятых');
    expect(speak('0,05')).toBe('ноль целых пять сотых');
    expect(speak('21,21')).toBe('двадцать одна целая двадцать одна сотая');
    expect(speak('11,11')).toBe('одиннадцать целых одиннадцать сотых');
    expect(speak('3,0001')).toBe('три целых одна десятитысячная');
    expect(speak(`1${NBSP}234,5`)).toBe('тысяча двести тридцать четыре целых пять десятых');
  });

  it('says the cubic metre after a reading in the form the number asks for', () => {
    expect(speak('416,264 м³')).toBe('четыреста шестнадцать целых двести шестьдесят четыре тысячных кубического метра');
    expect(speak('9,236м3')).toBe('девять целых двести тридцать шесть тысячных кубического метра');
    expect(speak('1 м³')).toBe('один кубический метр');
    expect(speak('3 м³')).toBe('три кубических метра');
    expect(speak('12 м3')).toBe('двенадцать кубических метров');
    expect(speak(`12${NBSP}500${NBSP}м³`)).toBe('двенадцать тысяч пятьсот кубических метров');
    expect(speak('12345 м³')).toBe('двенадцать тысяч триста сорок пять кубических метров');
    expect(speak('1 Гкал')).toBe('одна гигакалория');
    expect(speak('2 Гкал')).toBe('две гигакалории');
    expect(speak('1,5 Гкал')).toBe('одна целая пять десятых гигакалории');
    expect(speak('Горячая вода, м³')).toBe('Горячая вода, кубических метров');
  });

  it('reads thousands grouped with U+00A0 or U+202F as one number, plain spaces as separate numbers', () => {
    expect(speak(`1${NBSP}234`)).toBe('тысяча двести тридцать четыре');
    expect(speak(`21${NARROW_NBSP}000`)).toBe('двадцать одна тысяча');
    expect(speak(`999${NBSP}999${NBSP}999`)).toBe(
      'девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять',
    );
    expect(speak('8 2 0')).toBe('восемь два ноль');
  });

  it('reads an account number digit by digit', () => {
    expect(speak('Лицевой счёт 820000001')).toBe('Лицевой счёт восемь два ноль ноль ноль ноль ноль ноль один');
    expect(speak('№ 820000001.')).toBe('номер восемь два ноль ноль ноль ноль ноль ноль один.');
    expect(speak('8 2 0 0 0 0 0 0 1')).toBe('восемь два ноль ноль ноль ноль ноль ноль один');
  });

  it('reads phone numbers group by group, without symbols', () => {
    expect(speak('+7 (347) 123-45-67')).toBe('плюс семь, триста сорок семь, сто двадцать три, сорок пять, шестьдесят семь');
    expect(speak('+7 917 555-01-01.')).toBe('плюс семь, девятьсот семнадцать, пятьсот пятьдесят пять, ноль один, ноль один.');
    expect(speak('8-800-250-52-80')).toBe('восемь, восемьсот, двести пятьдесят, пятьдесят два, восемьдесят');
    // Non-breaking hyphens (U+2011), which keep the number on one line on screen, read as hyphens.
    expect(speak('8\u2011800\u2011250\u201152\u201180')).toBe('восемь, восемьсот, двести пятьдесят, пятьдесят два, восемьдесят');
    expect(speak('10 цифр после +7, например')).toBe('десять цифр после плюс семь, например');
    expect(speak('+79991234567')).toBe('плюс семь девять девять девять один два три четыре пять шесть семь');
  });

  it('reads dates with the day as a neuter ordinal, the month and the year in the genitive', () => {
    expect(speak('01.12.2026')).toBe('первое декабря две тысячи двадцать шестого года');
    expect(speak('02.01.2026')).toBe('второе января две тысячи двадцать шестого года');
    expect(speak('03.03.2030')).toBe('третье марта две тысячи тридцатого года');
    expect(speak('23.02.2000')).toBe('двадцать третье февраля двухтысячного года');
    expect(speak('31.05.1990')).toBe('тридцать первое мая тысяча девятьсот девяностого года');
    expect(speak('10.10.2100 г. Оплатите')).toBe('десятое октября две тысячи сотого года. Оплатите');
    expect(speak('от 10.10.2026 г. № 3')).toBe('от десятого октября две тысячи двадцать шестого года номер три');
    expect(speak('01.12.2026 года')).toBe('первое декабря две тысячи двадцать шестого года');
  });

  it('puts the day in the case a preposition before the date asks for', () => {
    expect(speak('до 25.12.2026')).toBe('до двадцать пятого декабря две тысячи двадцать шестого года');
    expect(speak('с 01.12.2026 по 03.12.2026')).toBe(
      'с первого декабря две тысячи двадцать шестого года по третье декабря две тысячи двадцать шестого года',
    );
    expect(speak('к 23.12.2026')).toBe('к двадцать третьему декабря две тысячи двадцать шестого года');
  });

  it('does not take an impossible date for one', () => {
    expect(speak('32.13.2026')).toBe('тридцать два.тринадцать.две тысячи двадцать шесть');
  });

  it('reads a month and a year as a billing period', () => {
    expect(speak('ноябрь 2026')).toBe('ноябрь две тысячи двадцать шестого года');
    expect(speak('Ноябрь 2026 г.')).toBe('Ноябрь две тысячи двадцать шестого года.');
    expect(speak('ноябрь 2026 г. и декабрь 2026 г.')).toBe(
      'ноябрь две тысячи двадцать шестого года и декабрь две тысячи двадцать шестого года.',
    );
    expect(speak('Начисления за май 2026')).toBe('Начисления за май две тысячи двадцать шестого года');
    expect(speak('с марта 2025 по август 2026')).toBe('с марта две тысячи двадцать пятого года по август две тысячи двадцать шестого года');
    expect(speak('в ноябре 2026 года')).toBe('в ноябре две тысячи двадцать шестого года');
    expect(speak('ноябрь 2200')).toBe('ноябрь две тысячи двести');
  });

  it('reads times with час/часа/часов and the feminine минута', () => {
    expect(speak('13:50')).toBe('тринадцать часов пятьдесят минут');
    expect(speak('1:01')).toBe('один час одна минута');
    expect(speak('02:02')).toBe('два часа две минуты');
    expect(speak('21:21')).toBe('двадцать один час двадцать одна минута');
    expect(speak('00:00')).toBe('ноль часов ноль минут');
    expect(speak('01.12.2026 13:50')).toBe('первое декабря две тысячи двадцать шестого года тринадцать часов пятьдесят минут');
  });

  it('reads a countdown as minutes and seconds after «через», never as a time of day', () => {
    expect(speak(`Вход станет доступен через 14${NBSP}мин${NBSP}45${NBSP}с`)).toBe(
      'Вход станет доступен через четырнадцать минут сорок пять секунд',
    );
    expect(speak(`через 15${NBSP}мин`)).toBe('через пятнадцать минут');
    expect(speak(`через 1${NBSP}мин${NBSP}1${NBSP}с`)).toBe('через одну минуту одну секунду');
    expect(speak(`через 2${NBSP}мин${NBSP}22${NBSP}с`)).toBe('через две минуты двадцать две секунды');
    expect(speak(`через 21${NBSP}мин${NBSP}11${NBSP}с`)).toBe('через двадцать одну минуту одиннадцать секунд');
    expect(speak(`через 45${NBSP}с`)).toBe('через сорок пять секунд');
    expect(speak('через 31 с.')).toBe('через тридцать одну секунду.');
    // «с» and «мин» inside words are no units.
    expect(speak('3 счётчика, 5 минут')).toBe('три счётчика, пять минут');
  });

  it('reads percentages', () => {
    expect(speak('5 %')).toBe('пять процентов');
    expect(speak('5%')).toBe('пять процентов');
    expect(speak('1%')).toBe('один процент');
    expect(speak('22 %')).toBe('двадцать два процента');
    expect(speak('2,5 %')).toBe('две целых пять десятых процента');
    expect(speak('Пени, %')).toBe('Пени, процентов');
  });

  it('reads other integers as masculine nominative cardinals', () => {
    expect(speak('3 счётчика')).toBe('три счётчика');
    expect(speak('через 15 минут')).toBe('через пятнадцать минут');
    expect(speak('не длиннее 36 месяцев')).toBe('не длиннее тридцать шесть месяцев');
    expect(speak('квартира 12а')).toBe('квартира двенадцать а');
    expect(speak('-5 и −7')).toBe('минус пять и минус семь');
  });

  it('replaces the signs espeak reads oddly', () => {
    expect(speak('Заявка №5')).toBe('Заявка номер пять');
    expect(speak('Сумма, ₽')).toBe('Сумма, рублей');
    expect(speak('Задолженности нет — оплачивать ничего не нужно')).toBe('Задолженности нет, оплачивать ничего не нужно');
    expect(speak('первая – 9')).toBe('первая, девять');
    expect(speak('Итог: — нет')).toBe('Итог: нет');
    expect(speak('— Пункт')).toBe('Пункт');
    expect(speak('Нажмите «Оплатить»')).toBe('Нажмите Оплатить');
    expect(speak('• Отопление • Горячая вода')).toBe('Отопление Горячая вода');
  });

  it('reads mixed sentences', () => {
    expect(speak(`К оплате ${shownMoney(1_427_388)} до 25.12.2026`)).toBe(
      'К оплате четырнадцать тысяч двести семьдесят три рубля восемьдесят восемь копеек до двадцать пятого декабря две тысячи двадцать шестого года',
    );
    expect(speak('Показания переданы 20.11.2026 в 13:50: горячая вода 416,264 м³ (№ 2).')).toBe(
      'Показания переданы двадцатое ноября две тысячи двадцать шестого года в тринадцать часов пятьдесят минут: ' +
        'горячая вода четыреста шестнадцать целых двести шестьдесят четыре тысячных кубического метра (номер два).',
    );
  });

  it('leaves text without numbers or signs as it is', () => {
    for (const text of ['Введите номер лицевого счёта', 'Отопление (физ.лица), ГВС.', 'Проверьте: tcp://адрес:порт', 'SMS-код\nпришёл']) {
      expect(speak(text)).toBe(text);
    }
    expect(speak('')).toBe('');
  });
});

describe('speakableText, Bashkir', () => {
  it('says amounts with «һум» and «тин», the nouns singular after numerals', () => {
    expectSpoken('ba', {
      [shownMoney(0)]: 'ноль һум',
      [shownMoney(101)]: 'бер һум бер тин',
      [shownMoney(202)]: 'ике һум ике тин',
      [shownMoney(505)]: 'биш һум биш тин',
      [shownMoney(1111)]: 'ун бер һум ун бер тин',
      [shownMoney(2121)]: 'егерме бер һум егерме бер тин',
      [shownMoney(10_101)]: 'йөҙ бер һум бер тин',
      [shownMoney(1_427_388)]: 'ун дүрт мең ике йөҙ етмеш өс һум һикһән һигеҙ тин',
      [shownMoney(-1_427_388)]: 'минус ун дүрт мең ике йөҙ етмеш өс һум һикһән һигеҙ тин',
      [shownMoney(100_000_000)]: 'бер миллион һум',
      [shownMoney(100_000)]: 'мең һум',
      [`2${NBSP}155,60${NBSP}₽/Гкал`]: 'ике мең йөҙ илле биш һум алтмыш тин бер гигакалория өсөн',
      'Сумма, ₽': 'Сумма, һум',
    });
  });

  it('reads readings as «… бөтөн меңдән …» and the unit as «кубометр»', () => {
    expectSpoken('ba', {
      '416,264 м³': 'дүрт йөҙ ун алты бөтөн меңдән ике йөҙ алтмыш дүрт кубометр',
      '416,260': 'дүрт йөҙ ун алты бөтөн меңдән ике йөҙ алтмыш',
      '9,236 м3': 'туғыҙ бөтөн меңдән ике йөҙ утыҙ алты кубометр',
      '0,5': 'ноль бөтөн ундан биш',
      '21,01': 'егерме бер бөтөн йөҙҙән бер',
      '12 м³': 'ун ике кубометр',
      '1,5 Гкал': 'бер бөтөн ундан биш гигакалория',
      [`1${NBSP}234`]: 'мең ике йөҙ утыҙ дүрт',
    });
  });

  it('reads the account number digit by digit', () => {
    expectSpoken('ba', {
      '820000001': 'һигеҙ ике ноль ноль ноль ноль ноль ноль бер',
      '8 2 0': 'һигеҙ ике ноль',
      '+7 (347) 123-45-67': 'плюс ете, өс йөҙ ҡырҡ ете, йөҙ егерме өс, ҡырҡ биш, алтмыш ете',
    });
  });

  it('reads dates as «… йылдың … <possessive month>»', () => {
    expectSpoken('ba', {
      '01.12.2026': 'ике мең егерме алтынсы йылдың беренсе декабре',
      '02.01.2026': 'ике мең егерме алтынсы йылдың икенсе ғинуары',
      '03.03.2000': 'ике меңенсе йылдың өсөнсө марты',
      '23.05.1990': 'мең туғыҙ йөҙ туҡһанынсы йылдың егерме өсөнсө майы',
      '30.08.2100': 'ике мең йөҙөнсө йылдың утыҙынсы августы',
      'ноябрь 2026': 'ике мең егерме алтынсы йылдың ноябре',
      'ғинуар 2027': 'ике мең егерме етенсе йылдың ғинуары',
    });
  });

  it('reads a countdown as minutes and seconds, never as a time of day', () => {
    expectSpoken('ba', {
      [`Инеү 14${NBSP}мин${NBSP}45${NBSP}с үткәс мөмкин буласаҡ`]: 'Инеү ун дүрт минут ҡырҡ биш секунд үткәс мөмкин буласаҡ',
      [`15${NBSP}мин үткәс`]: 'ун биш минут үткәс',
      [`45${NBSP}с үткәс`]: 'ҡырҡ биш секунд үткәс',
    });
  });

  it('reads times and percentages', () => {
    expectSpoken('ba', {
      '13:50': 'ун өс сәғәт илле минут',
      '09:05': 'туғыҙ сәғәт биш минут',
      '5 %': 'биш процент',
      '5%': 'биш процент',
      '2,5 %': 'ике бөтөн ундан биш процент',
    });
  });

  it('reads mixed sentences and leaves text without numbers as it is', () => {
    expectSpoken('ba', {
      [`${shownMoney(1_427_388)} 25.12.2026 тиклем түләргә`]:
        'ун дүрт мең ике йөҙ етмеш өс һум һикһән һигеҙ тин ике мең егерме алтынсы йылдың егерме бишенсе декабре тиклем түләргә',
      'Ғариза №3 — ҡабул ителде': 'Ғариза номер өс, ҡабул ителде',
      'Лицевой счёт номерын индерегеҙ': 'Лицевой счёт номерын индерегеҙ',
    });
  });
});

describe('speakableText, English', () => {
  it('says amounts in roubles and kopecks, singular after exactly one', () => {
    expectSpoken('en', {
      [shownMoney(0)]: 'zero roubles',
      [shownMoney(101)]: 'one rouble one kopeck',
      [shownMoney(202)]: 'two roubles two kopecks',
      [shownMoney(505)]: 'five roubles five kopecks',
      [shownMoney(1111)]: 'eleven roubles eleven kopecks',
      [shownMoney(2121)]: 'twenty-one roubles twenty-one kopecks',
      [shownMoney(10_101)]: 'one hundred one roubles one kopeck',
      [shownMoney(1_427_388)]: 'fourteen thousand two hundred seventy-three roubles eighty-eight kopecks',
      [shownMoney(-1_427_388)]: 'minus fourteen thousand two hundred seventy-three roubles eighty-eight kopecks',
      [shownMoney(100_000_000)]: 'one million roubles',
      [`45,5612${NBSP}₽/м³`]: 'forty-five roubles fifty-six point one two kopecks per cubic metre',
      'Amount, ₽': 'Amount, roubles',
    });
  });

  it('reads readings with «point» and the digits after it', () => {
    expectSpoken('en', {
      '416,264 м³': 'four hundred sixteen point two six four cubic metres',
      '416,260': 'four hundred sixteen point two six zero',
      '1 м³': 'one cubic metre',
      '1,0 м³': 'one point zero cubic metres',
      '2 Гкал': 'two gigacalories',
      [`999${NBSP}999${NBSP}999`]: 'nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine',
    });
  });

  it('reads the account number and phone numbers', () => {
    expectSpoken('en', {
      'Account 820000001': 'Account eight two zero zero zero zero zero zero one',
      '8 2 0': 'eight two zero',
      '+7 (347) 123-45-67': 'plus seven, three hundred forty-seven, one hundred twenty-three, forty-five, sixty-seven',
    });
  });

  it('reads dates, day first, and years in pairs', () => {
    expectSpoken('en', {
      '01/12/2026': 'the first of December twenty twenty-six',
      '02/01/2026': 'the second of January twenty twenty-six',
      '03/03/2000': 'the third of March two thousand',
      '23/02/1990': 'the twenty-third of February nineteen ninety',
      '31.12.2105': 'the thirty-first of December twenty-one oh five',
      'November 2026': 'November twenty twenty-six',
      'from March 2025': 'from March twenty twenty-five',
    });
  });

  it('reads a countdown as minutes and seconds, never as a time of day', () => {
    expectSpoken('en', {
      [`You can try again in 14${NBSP}min${NBSP}45${NBSP}s`]: 'You can try again in fourteen minutes forty-five seconds',
      [`in 1${NBSP}min${NBSP}1${NBSP}s`]: 'in one minute one second',
      [`in 15${NBSP}min`]: 'in fifteen minutes',
      [`in 45${NBSP}s`]: 'in forty-five seconds',
    });
  });

  it('reads times and percentages', () => {
    expectSpoken('en', {
      '13:50': 'thirteen fifty',
      '09:05': 'nine oh five',
      '13:00': 'thirteen hundred',
      '5 %': 'five percent',
      '1%': 'one percent',
    });
  });

  it('reads mixed sentences and leaves text without numbers as it is', () => {
    expectSpoken('en', {
      [`To pay ${shownMoney(1_427_388)} by 25/12/2026`]:
        'To pay fourteen thousand two hundred seventy-three roubles eighty-eight kopecks by the twenty-fifth of December twenty twenty-six',
      'Request №3 — accepted': 'Request number three, accepted',
      'Enter the account number': 'Enter the account number',
    });
  });
});
