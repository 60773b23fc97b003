import { summarise, type LatencySummary } from '../support/measure';
import { pendingRange, type Personas } from '../scale/personas';
import { BENCH_PASSWORD, userEmail } from '../scale/volumes';
import { signIn, timedRequest, trpcRequest, type HttpRequest } from './client';
import { loadTest, type LoadFigures } from './load';

export const HTTP_READ_RUNS = 30;
export const HTTP_WRITE_RUNS = 20;
const THROUGHPUT_CONNECTIONS = 32;
const THROUGHPUT_SECONDS = 10;
const P99_CONNECTIONS = 8;
const P99_SECONDS = 10;
const PARALLEL_SIGN_INS = 20;

export type HttpPathFigures = { key: string; http: LatencySummary };
export type HttpFigures = {
  paths: HttpPathFigures[];
  throughput: { trpc: LoadFigures; bare: LoadFigures; trpcBelowBarePercent: number };
  signInLoad: { alone: LoadFigures; duringSignIns: LoadFigures & { signIns: number }; p99Ratio: number };
  cron: { serviceDaysMs: number; outboxMs: number; outboxProcessed: number; outboxEnqueued: number };
};

/** Sessions over HTTP, one sign-in per user, reused. */
class Cookies {
  private jar = new Map<string, string>();
  constructor(private baseUrl: string) {}
  async of(email: string) {
    if (!this.jar.has(email)) this.jar.set(email, await signIn(this.baseUrl, email, BENCH_PASSWORD));
    return this.jar.get(email)!;
  }
}

async function sequential(baseUrl: string, runs: number, warmUp: number, request: (i: number) => Promise<HttpRequest>) {
  let i = 0;
  for (let w = 0; w < warmUp; w++) await timedRequest(baseUrl, await request(i++));
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const req = await request(i++);
    samples.push(await timedRequest(baseUrl, req));
  }
  return summarise(samples);
}

/**
 * Every request path of the caller benchmark over HTTP, one request at a time (the write paths
 * on days the caller benchmark did not touch: `firstTarget` onwards), then the load figures.
 */
export async function benchHttp(
  baseUrl: string,
  p: Personas,
  opts: { firstTarget: number; cronSecret: string; enqueueOutboxEvents: () => Promise<number> },
): Promise<HttpFigures> {
  const { firstTarget, cronSecret } = opts;
  const cookies = new Cookies(baseUrl);
  const client = await cookies.of(p.client.email);
  const caterer = await cookies.of(p.caterer.email);
  const query = (cookie: string, procedure: string, input?: unknown) => async () => trpcRequest(cookie, procedure, input, 'query', baseUrl);
  const reads: [string, () => Promise<HttpRequest>][] = [
    ['companyMe', query(caterer, 'company.me')],
    ['contractMonth', query(client, 'serviceDay.list', { contractId: p.contractId, ...p.month })],
    ['pendingConfirmations', query(client, 'serviceDay.list', pendingRange(p))],
    ['clientDashboard', query(client, 'report.dashboard')],
    ['catererDashboard', query(caterer, 'report.dashboard')],
    ['weeklyReport', query(client, 'report.weekly', { contractId: p.contractId, ...p.week })],
  ];
  const paths: HttpPathFigures[] = [];
  // Sign-in as the login form does it: CSRF token, then the credentials callback (bcrypt).
  const signInSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await signIn(baseUrl, userEmail('employee', 'client', 300 + i), BENCH_PASSWORD);
    signInSamples.push(performance.now() - started);
  }
  paths.push({ key: 'signIn', http: summarise(signInSamples) });
  for (const [key, request] of reads) paths.push({ key, http: await sequential(baseUrl, HTTP_READ_RUNS, 3, request) });
  const writes: [string, Personas['openDays'], string][] = [
    ['confirmExpected', p.openDays, 'serviceDay.confirmExpected'],
    ['confirmServed', p.unservedDays, 'serviceDay.confirmServed'],
  ];
  for (const [key, days, procedure] of writes) {
    // Sign in first, so the timed requests are the mutation alone.
    for (const d of days.slice(firstTarget, firstTarget + 3 + HTTP_WRITE_RUNS)) await cookies.of(d.email);
    paths.push({
      key,
      http: await sequential(baseUrl, HTTP_WRITE_RUNS, 3, async (i) => {
        const day = days[firstTarget + i]!;
        return trpcRequest(await cookies.of(day.email), procedure, { id: day.id, quantity: day.quantity }, 'mutation', baseUrl);
      }),
    });
  }

  const companyMe = trpcRequest(caterer, 'company.me', undefined, 'query', baseUrl);
  const bare: HttpRequest = { method: 'GET', path: '/api/bench/company-me', headers: {} };
  await loadTest(baseUrl, companyMe, THROUGHPUT_CONNECTIONS, 2);
  const trpc = await loadTest(baseUrl, companyMe, THROUGHPUT_CONNECTIONS, THROUGHPUT_SECONDS);
  await loadTest(baseUrl, bare, THROUGHPUT_CONNECTIONS, 2);
  const bareFigures = await loadTest(baseUrl, bare, THROUGHPUT_CONNECTIONS, THROUGHPUT_SECONDS);

  const alone = await loadTest(baseUrl, companyMe, P99_CONNECTIONS, P99_SECONDS);
  let stop = false;
  let signIns = 0;
  const signInLoops = Array.from({ length: PARALLEL_SIGN_INS }, async (_, n) => {
    while (!stop) {
      await signIn(baseUrl, userEmail('manager', 'client', 400 + n), BENCH_PASSWORD);
      signIns += 1;
    }
  });
  const during = await loadTest(baseUrl, companyMe, P99_CONNECTIONS, P99_SECONDS);
  stop = true;
  await Promise.all(signInLoops);

  const cron = async (route: string) => {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${route}`, { headers: { authorization: `Bearer ${cronSecret}` } });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${route} → ${res.status} ${JSON.stringify(body)}`);
    return { ms: Math.round(performance.now() - started), body };
  };
  const serviceDays = await cron('/api/cron/service-days');
  // Events due on the server's (shifted) clock: the app's own inserts take the database's now().
  const enqueued = await opts.enqueueOutboxEvents();
  const outbox = await cron('/api/cron/outbox');
  const processed = Number((outbox.body as { processed?: number }).processed ?? (outbox.body as { result?: { processed?: number } }).result?.processed ?? 0);

  return {
    paths,
    throughput: {
      trpc,
      bare: bareFigures,
      trpcBelowBarePercent: Math.round((1 - trpc.requestsPerSecond / Math.max(1, bareFigures.requestsPerSecond)) * 1000) / 10,
    },
    signInLoad: { alone, duringSignIns: { ...during, signIns }, p99Ratio: Math.round((during.p99Ms / Math.max(0.01, alone.p99Ms)) * 100) / 100 },
    cron: { serviceDaysMs: serviceDays.ms, outboxMs: outbox.ms, outboxProcessed: processed, outboxEnqueued: enqueued },
  };
}
