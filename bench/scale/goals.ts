import type { HttpFigures } from '../http/http-bench';
import type { FirstLoadJs } from '../http/first-load-js';
import type { EmailFigures } from './email-smtp';
import type { PathFigures } from './measure-path';
import type { ThroughputFigures } from './outbox-vs-graphile';

export type Goal = { goal: string; figure: number | string | null; target: string; met: boolean | null };

export const READ_PATHS = ['companyMe', 'contractMonth', 'pendingConfirmations', 'clientDashboard', 'catererDashboard', 'weeklyReport'];

/** Issue 17's and 16's goals (and SPEC §19's no-sequential-scan rule) against this run's figures. */
export function evaluateGoals(f: {
  paths: PathFigures[];
  http: HttpFigures | null;
  firstLoadJs: FirstLoadJs | null;
  throughput: ThroughputFigures;
  email: EmailFigures;
}): Goal[] {
  const path = (key: string) => f.paths.find((p) => p.key === key)!;
  const goals: Goal[] = READ_PATHS.map((key) => ({
    goal: `${key}: app ≤ 3× DB (caller p50 / EXPLAIN p50)`,
    figure: path(key).ratio,
    target: '≤ 3',
    met: path(key).ratio <= 3,
  }));
  goals.push(
    { goal: 'confirmExpected p50 through the caller', figure: path('confirmExpected').app.p50Ms, target: '≤ 5 ms', met: path('confirmExpected').app.p50Ms <= 5 },
    { goal: 'caterer dashboard in PostgreSQL (EXPLAIN p50)', figure: path('catererDashboard').db.p50Ms, target: '≤ 5 ms', met: path('catererDashboard').db.p50Ms <= 5 },
    { goal: 'outbox claim of 100 at 1 M processed rows (EXPLAIN p50)', figure: path('outboxClaim').db.p50Ms, target: '≤ 0.5 ms', met: path('outboxClaim').db.p50Ms <= 0.5 },
  );
  const seq = f.paths.flatMap((p) => p.seqScans.map((t) => `${p.key}:${t}`));
  goals.push({ goal: 'no sequential scan of service_days / outbox_events (SPEC §19)', figure: seq.join(', ') || 'none', target: 'none', met: seq.length === 0 });
  if (f.http) {
    goals.push(
      { goal: 'company.me: tRPC + session req/s below the bare handler', figure: f.http.throughput.trpcBelowBarePercent, target: '≤ 30 %', met: f.http.throughput.trpcBelowBarePercent <= 30 },
      { goal: 'read p99 during 20 parallel sign-ins / without', figure: f.http.signInLoad.p99Ratio, target: '≤ 2×', met: f.http.signInLoad.p99Ratio <= 2 },
    );
  } else {
    goals.push({ goal: 'HTTP goals', figure: null, target: 'run without --skip-http', met: null });
  }
  if (f.firstLoadJs) {
    const worst = f.firstLoadJs.pages.reduce((a, b) => (b.gzipKb > a.gzipKb ? b : a), f.firstLoadJs.pages[0]!);
    goals.push({ goal: `first-load JS, largest page (${worst.page})`, figure: worst.gzipKb, target: '≤ 200 kB gzip every page', met: f.firstLoadJs.pages.every((p) => p.gzipKb <= 200) });
  }
  goals.push(
    { goal: 'outbox, in-app handler alone / graphile-worker', figure: f.throughput.inAppOverGraphile, target: '≥ 2×', met: f.throughput.inAppOverGraphile >= 2 },
    { goal: 'outbox, default handlers / graphile-worker', figure: f.throughput.defaultOverGraphile, target: '≥ 2×', met: f.throughput.defaultOverGraphile >= 2 },
    { goal: 'e-mail to an SMTP sink answering after 50 ms', figure: f.email.messagesPerSecond, target: '≥ 100 messages/s (pool of 10)', met: f.email.messagesPerSecond >= 100 },
  );
  return goals;
}
