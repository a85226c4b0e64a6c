// Whom the home screen greets: a person by name and patronymic, as Russian addresses people
// formally («Иванов Сергей Николаевич» → «Здравствуйте, Сергей Николаевич!»). An organisation, a
// name in initials (a bill session's «Сидорова В. И.») or anything not written as «surname name
// patronymic» gets the greeting without a name rather than a wrong one.

/** Legal forms that mark an organisation as the account holder. */
const ORGANISATION_WORDS = new Set([
  'ооо', 'оао', 'зао', 'пао', 'ао', 'нао', 'ип', 'тсж', 'тсн', 'жск', 'жк', 'муп', 'гуп', 'фгуп', 'мбу', 'мау', 'гбу', 'мку', 'ук',
  'нко', 'ано', 'снт', 'гск', 'пк',
]); // prettier-ignore
/** The separate word of a Turkic patronymic: «Алиев Рашид Мамед оглы», «Галиева Айгуль Ринат ҡыҙы». */
const PATRONYMIC_PARTICLES = new Set(['оглы', 'огли', 'кызы', 'гызы', 'улы', 'ҡыҙы', 'ҡыҙ', 'uly', 'ogly', 'kyzy', 'qizi']);
/** One word of a name: letters, with a hyphen or an apostrophe inside («Анна-Мария», «Д'Артаньян»). */
const NAME_WORD = /^\p{L}{2,}(?:[-'’]\p{L}+)*$/u;
/** A Russian patronymic ends so: -ович, -евич, -ич; -овна, -евна, -ична (and their Latin spellings). */
const PATRONYMIC_ENDING = /(ич|вна|чна|ich|vna|chna)$/iu;

/** `СЕРГЕЙ` → `Сергей`: a name the billing centre keeps in capitals reads as a name; other spellings stay. */
function asWritten(word: string): string {
  if (word !== word.toUpperCase()) return word;
  return word
    .toLowerCase()
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
}

/** «Сергей Николаевич» of «Иванов Сергей Николаевич»; null when the holder is not a person named in full. */
export function greetingName(holderName: string): string | null {
  const words = holderName.trim().split(/\s+/);
  if (words.some((word) => ORGANISATION_WORDS.has(word.toLowerCase()))) return null;
  const [, name, patronymic, particle, ...more] = words;
  if (name === undefined || patronymic === undefined || more.length > 0) return null;
  if (!NAME_WORD.test(name) || !NAME_WORD.test(patronymic)) return null;
  if (particle === undefined) return PATRONYMIC_ENDING.test(patronymic) ? `${asWritten(name)} ${asWritten(patronymic)}` : null;
  return PATRONYMIC_PARTICLES.has(particle.toLowerCase()) ? `${asWritten(name)} ${asWritten(patronymic)} ${particle.toLowerCase()}` : null;
}
