import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { windowStart, withinLimit, type RateLimit } from './domain/rate-limit';

/** Windows older than this are deleted as new ones are counted. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Fixed-window counters in PostgreSQL (table portal_rate_window): one upsert-increment per
 * request, so every replica of every service counts against the same window.
 */
@Injectable()
export class RenewalRateLimiter {
  constructor(private readonly em: EntityManager) {}

  /** Counts one request under `key`; true while the window's count stays within the limit. */
  async hit(key: string, limit: RateLimit, now = new Date()): Promise<boolean> {
    const connection = this.em.getConnection();
    const rows = await connection.execute<Array<{ count: number }>>(
      `insert into portal_rate_window (key, window_start, count) values (?, ?, 1)
       on conflict (key, window_start) do update set count = portal_rate_window.count + 1
       returning count`,
      [key.slice(0, 200), windowStart(now, limit)],
    );
    await connection.execute(`delete from portal_rate_window where window_start < ?`, [new Date(now.getTime() - KEEP_MS)]);
    return withinLimit(Number(rows[0]?.count ?? Number.MAX_SAFE_INTEGER), limit);
  }
}
