// The home screen's heading as the tests expect it for a demo account holder. The demo holders
// are all written «surname name patronymic» and greeted by name and patronymic; the rule for any
// other name is the renderer's own (home-greeting.ts) and has its own unit test.

/** `Здравствуйте, Сергей Николаевич!` for «Петров Сергей Николаевич». */
export function homeGreeting(holderName: string): string {
  return `Здравствуйте, ${greetedAs(holderName)}!`;
}

/** The part of a demo holder's name the home screen shows: `Сергей Николаевич`. */
export function greetedAs(holderName: string): string {
  const [, name, patronymic, ...more] = holderName.split(' ');
  if (!name || !patronymic || more.length > 0) throw new Error(`not a «surname name patronymic» demo holder: ${holderName}`);
  return `${name} ${patronymic}`;
}
