/**
 * Volumes of the scaled fixture: `scale` times the seed design's one-year volume (50 caterers,
 * 450 clients, 2,500 contracts, ~640,000 service days, 100,000 processed outbox events).
 * At --scale 10: 5,000 companies, 25,000 contracts, ~6.4 M service days, 1 M processed events.
 */
export type Volumes = {
  scale: number;
  caterers: number;
  clients: number;
  contracts: number;
  processedEvents: number;
};

export function volumesAt(scale: number): Volumes {
  return { scale, caterers: 50 * scale, clients: 450 * scale, contracts: 2500 * scale, processedEvents: 100_000 * scale };
}

/**
 * The fixture's "now": Monday 2026-03-02 06:00 UTC, as in the other benchmarks. The data is what
 * a year of daily generation, confirmations and served counts leaves at that instant; the HTTP
 * server runs with its clock shifted to it (bench/http/clock-shift.mjs).
 */
export const SCALE_NOW = new Date('2026-03-02T06:00:00Z');

/** Every bench user's password (bcrypt-hashed at the app's cost, one hash for all). */
export const BENCH_PASSWORD = 'bench-password-10x';

/** Client time zones, one of them with a half-hour offset. */
export const TIME_ZONES = ['UTC', 'Europe/Warsaw', 'Europe/London', 'America/New_York', 'Asia/Kolkata'];

/** Email of a company's user: `admin.caterer-00042@bench.test`. */
export const userEmail = (role: 'admin' | 'manager' | 'employee', side: 'caterer' | 'client', n: number) =>
  `${role}.${side}-${String(n).padStart(5, '0')}@bench.test`;
