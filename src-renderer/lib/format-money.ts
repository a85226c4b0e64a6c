// Money is integer kopecks everywhere; only here does it become text, always the Russian way
// (`1 232,41 ₽`), whatever the interface language: the currency and the bills are Russian. The
// formatter is made on first use, not as the bundle loads: the first currency formatter loads ICU's
// data, about a tenth of the start screen's first paint under ×4, and the start screen shows no money.
let moneyFormat: Intl.NumberFormat | undefined;

export function formatMoney(kopecks: number): string {
  moneyFormat ??= new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 });
  return moneyFormat.format(kopecks / 100);
}
