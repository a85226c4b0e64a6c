// For the renderer's unit tests that read texts in several languages: Bashkir and English are chunks
// that `i18n.choose` loads on demand, so a test file loads every catalog once before its tests (after
// which choosing a language takes effect at once) and each test ends back in Russian.
import { afterEach, beforeAll } from 'vitest';
import { i18n, LANGUAGES } from './i18n.svelte';

export function withEveryCatalog(): void {
  beforeAll(async () => {
    for (const language of LANGUAGES) await i18n.choose(language);
    await i18n.choose('ru');
  });
  afterEach(() => {
    void i18n.choose('ru');
  });
}
