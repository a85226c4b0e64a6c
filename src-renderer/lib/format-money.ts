// Money is integer kopecks everywhere; only here does it become text, always the Russian way
// (`1 232,41 ₽`), whatever the interface language: the currency and the bills are Russian.
const moneyFormat = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB', minimumFractionDigits: 2 });

export function formatMoney(kopecks: number): string {
  return moneyFormat.format(kopecks / 100);
}
