// Reference data (announcements, offices, reading window, payee requisites) kept in SQLite with a
// time-to-live, so the start screen still works when the billing centre does not answer.
import type { KioskDatabase } from '../store/database';

export interface CachedValue<T> {
  value: T;
  fromCache: boolean;
  fetchedAt: number;
}

export class ReferenceCache {
  constructor(
    private readonly db: KioskDatabase,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Fresh cached value if younger than `ttlMs`; otherwise fetch and store. If the fetch fails, a
   * stale cached value is better than nothing; only with no cached value does the error surface.
   */
  async get<T>(key: string, ttlMs: number, fetch: () => Promise<T>): Promise<CachedValue<T>> {
    const row = this.db
      .prepare<[string], { value_json: string; fetched_at: number }>(
        'SELECT value_json, fetched_at FROM reference_cache WHERE cache_key = ?',
      )
      .get(key);
    const now = this.clock();
    if (row && now - row.fetched_at < ttlMs) {
      return { value: JSON.parse(row.value_json) as T, fromCache: false, fetchedAt: row.fetched_at };
    }
    try {
      const value = await fetch();
      this.db
        .prepare(
          `INSERT INTO reference_cache (cache_key, value_json, fetched_at) VALUES (?, ?, ?)
           ON CONFLICT (cache_key) DO UPDATE SET value_json = excluded.value_json, fetched_at = excluded.fetched_at`,
        )
        .run(key, JSON.stringify(value), now);
      return { value, fromCache: false, fetchedAt: now };
    } catch (error) {
      if (row) return { value: JSON.parse(row.value_json) as T, fromCache: true, fetchedAt: row.fetched_at };
      throw error;
    }
  }
}
