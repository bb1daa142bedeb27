/** A fixed-window limit: at most `max` requests per `windowMs`. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/** Renewals of one client's link: three an hour (each may email the client). */
export const RENEWALS_PER_CLIENT: RateLimit = { max: 3, windowMs: 60 * 60 * 1000 };
/** Renewal requests from one address, whatever token they carry: ten an hour. */
export const RENEWALS_PER_ADDRESS: RateLimit = { max: 10, windowMs: 60 * 60 * 1000 };

/** The start of the window `at` falls in: windows are aligned to the epoch, so every replica agrees. */
export function windowStart(at: Date, limit: RateLimit): Date {
  return new Date(Math.floor(at.getTime() / limit.windowMs) * limit.windowMs);
}

/** Whether the request that brought the window's count to `count` is allowed. */
export function withinLimit(count: number, limit: RateLimit): boolean {
  return count <= limit.max;
}
