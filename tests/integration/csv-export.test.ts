import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, exportServiceDaysCsv } from '@/server/services/reports/csv-export';
import { countRows } from '../support/callers';
import { buildReportFixture, type ReportFixture } from '../support/report-fixture';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
let f: ReportFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await buildReportFixture(t.db);
});
afterAll(() => t.close());

const params = (values: Record<string, string>) => new URLSearchParams(values);

/** Minimal RFC 4180 reader for the assertions: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

async function download(session: ReportFixture['acme']['session'] | null, values: Record<string, string>, pageSize?: number) {
  const response = await exportServiceDaysCsv(t.db, session, params(values), { pageSize });
  // Keep the byte order mark (Response.text() would drop it) to check that it is sent.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  return { response, text };
}

describe('GET /api/export/service-days.csv', () => {
  const week = () => ({ contractId: f.a1.id, from: '2026-03-02', to: '2026-03-08' });

  it('downloads the days as a CSV attachment with CRLF records', async () => {
    const { response, text } = await download(f.acme.session, week());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="service-days-acme-east-office-2026-03-02-to-2026-03-08.csv"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const body = text.slice(1);
    expect(body.split('\r\n')[0]).toBe(CSV_HEADER.join(','));
    // Every line break outside a quoted field is CRLF.
    expect(body.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/(?<!\r)\n/)).toBeNull();

    const [header, ...rows] = parseCsv(body);
    expect(header).toEqual([...CSV_HEADER]);
    expect(rows.map((r) => r.slice(0, 11))).toEqual([
      ['2026-03-02', "'@Home Kitchen", 'Acme, "East" Office', 'SERVED_CONFIRMED', '20', '18', '', '15.00', '270.00', 'no', 'EUR'],
      ['2026-03-03', "'@Home Kitchen", 'Acme, "East" Office', 'SERVED_CONFIRMED', '20', '19', '20', '15.00', '285.00', 'no', 'EUR'],
      ['2026-03-04', "'@Home Kitchen", 'Acme, "East" Office', 'DISPUTED', '30', '28', '', '15.00', '420.00', 'no', 'EUR'],
      ['2026-03-05', "'@Home Kitchen", 'Acme, "East" Office', 'PENDING', '20', '', '', '15.00', '300.00', 'yes', 'EUR'],
      ['2026-03-06', "'@Home Kitchen", 'Acme, "East" Office', 'PENDING', '20', '', '', '15.00', '300.00', 'yes', 'EUR'],
    ]);
    expect(rows[1]!.slice(11)).toEqual(['We counted 19 trays.', "'+1 tray was a sample, recounted"]);
    expect(rows[2]!.slice(11)).toEqual(['\'=HYPERLINK("http://evil.test","click"), see photo\nsecond line', '']);
  });

  it('quotes and guards text cells on the wire', async () => {
    const { text } = await download(f.acme.session, week());
    expect(text).toContain(`"Acme, ""East"" Office"`);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""click""), see photo\nsecond line"`);
    // No cell starts with a formula character.
    const cells = parseCsv(text.slice(1)).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('streams long ranges page by page with the same content', async () => {
    const whole = await download(f.caterer.session, { contractId: f.a1.id, from: '2026-01-01', to: '2026-12-31' });
    const paged = await download(f.caterer.session, { contractId: f.a1.id, from: '2026-01-01', to: '2026-12-31' }, 2);
    expect(paged.text).toBe(whole.text);
    // Header + every generated weekday, Mar 2 … Mar 30.
    expect(parseCsv(whole.text.slice(1))).toHaveLength(1 + 21);
    // A page size that divides the rows exactly ends cleanly too.
    const exact = await download(f.caterer.session, { contractId: f.a1.id, from: '2026-03-02', to: '2026-03-08' }, 5);
    expect(parseCsv(exact.text.slice(1))).toHaveLength(6);
  });

  it('writes only the header for a contract without days in the range', async () => {
    const { response, text } = await download(f.caterer.session, { contractId: f.b1.id, from: '2026-03-02', to: '2026-03-08' });
    expect(response.status).toBe(200);
    expect(text).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
  });

  it('answers 401 when signed out', async () => {
    const { response } = await download(null, week());
    expect(response.status).toBe(401);
  });

  it("answers another tenant's contract exactly like a missing one: 404", async () => {
    const before = await countRows(t.db, 'service_days');
    const foreign = await download(f.otherCaterer.session, week());
    const cobalt = await download(f.cobalt.session, week());
    const missing = await download(f.otherCaterer.session, { ...week(), contractId: '00000000-0000-4000-8000-000000000000' });
    expect([foreign.response.status, cobalt.response.status, missing.response.status]).toEqual([404, 404, 404]);
    expect(foreign.text).toBe(missing.text);
    expect(await countRows(t.db, 'service_days')).toBe(before);
  });

  it('answers 400 for a bad range or id, with a sentence saying what is wrong', async () => {
    const reversed = await download(f.acme.session, { ...week(), from: '2026-03-08', to: '2026-03-02' });
    expect(reversed.response.status).toBe(400);
    expect(reversed.text).toContain('The end date cannot be before the start date.');
    const notADate = await download(f.acme.session, { ...week(), from: 'yesterday' });
    expect(notADate.response.status).toBe(400);
    const noContract = await download(f.acme.session, { from: '2026-03-02', to: '2026-03-08' });
    expect(noContract.response.status).toBe(400);
    const tooLong = await download(f.acme.session, { ...week(), from: '2000-01-01', to: '2026-03-08' });
    expect(tooLong.response.status).toBe(400);
  });

  it('refuses year 0 and serves the earliest allowed date in full (the whole file, not a cut-off stream)', async () => {
    const yearZero = await download(f.acme.session, { ...week(), from: '0000-12-31', to: '0001-01-31' });
    expect(yearZero.response.status).toBe(400);
    expect(yearZero.text).toContain('from');
    const firstYear = await download(f.acme.session, { ...week(), from: '0001-01-01', to: '0001-01-31' });
    expect(firstYear.response.status).toBe(200);
    expect(firstYear.text).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
  });

  it('answers an error status, not a 200 that stops after the header, when the first page cannot be read', async () => {
    // The contract lookup passes; the first page of days fails as a dropped connection would.
    let selects = 0;
    const failing = new Proxy(t.db, {
      get(target, key, receiver) {
        if (key !== 'select') return Reflect.get(target, key, receiver);
        return (...args: Parameters<typeof target.select>) => {
          selects += 1;
          if (selects > 1) throw new Error('connection lost');
          return target.select(...args);
        };
      },
    });
    await expect(exportServiceDaysCsv(failing, f.acme.session, params(week()))).rejects.toThrow('connection lost');
  });
});

