import { StatusBadge } from '@/components/ui/status-badge';
import { eachDate, WEEKDAY_NAMES } from '@/lib/dates';
import { isCountOpenStatus, type CompanyType } from '@/lib/enums';
import { formatDate, formatInstant } from '@/lib/format';
import type { CalendarOutput } from '@/lib/schemas/company';
import type { ServiceDayOutput } from '@/lib/schemas/service-day';

type Props = {
  from: string;
  to: string;
  /** 'YYYY-MM': days outside it are dimmed. */
  month: string;
  today: string;
  timeZone: string;
  viewerSide: CompanyType;
  holidays: CalendarOutput['holidays'];
  closures: CalendarOutput['closures'];
  days: ServiceDayOutput[];
};

const WEEKDAYS = WEEKDAY_NAMES.map((name) => name.slice(0, 3));

/** A month, Monday first: each date with its holidays, closures and service days (with deadlines). */
export function MonthGrid({ from, to, month, today, timeZone, viewerSide, holidays, closures, days }: Props) {
  const dates = eachDate(from, to);
  return (
    <div>
      <div className="hidden grid-cols-7 gap-1 text-xs font-medium text-slate-600 md:grid" aria-hidden>
        {WEEKDAYS.map((d) => (
          <div key={d} className="px-1">
            {d}
          </div>
        ))}
      </div>
      <ol className="grid grid-cols-1 gap-1 md:grid-cols-7" aria-label="Days">
        {dates.map((date) => {
          const inMonth = date.startsWith(month);
          const dayHolidays = holidays.filter((h) => h.date === date);
          const dayClosures = closures.filter((c) => c.from <= date && date <= c.to);
          const served = days.filter((d) => d.serviceDate === date);
          if (!inMonth && dayHolidays.length + dayClosures.length + served.length === 0) {
            return <li key={date} className="hidden min-h-16 rounded border border-transparent md:block" aria-hidden />;
          }
          return (
            <li
              key={date}
              data-testid="calendar-day"
              data-date={date}
              className={
                'min-h-16 rounded border p-1 text-xs ' +
                (dayClosures.length + dayHolidays.length > 0
                  ? 'border-slate-300 bg-slate-100'
                  : inMonth
                    ? 'border-slate-200 bg-white'
                    : 'border-dashed border-slate-300 bg-slate-50')
              }
            >
              <p className={date === today ? 'font-bold text-emerald-800' : 'font-medium text-slate-800'}>
                <span className="md:hidden">{formatDate(date, { weekday: 'short', day: 'numeric', month: 'short' })}</span>
                <span className="hidden md:inline">{Number(date.slice(8))}</span>
                {date === today && <span className="sr-only"> (today)</span>}
              </p>
              {dayHolidays.map((h) => (
                <p key={`${h.companyName}-${h.name}`} className="text-violet-900">
                  Holiday: {h.name}
                  {!h.own && ` (${h.companyName})`}
                </p>
              ))}
              {dayClosures.map((c) => (
                <p key={c.id} className="text-slate-800">
                  Closed: {c.reason}
                  {!c.own && ` (${c.companyName})`}
                  {c.contractId && ' · one contract'}
                </p>
              ))}
              {served.map((d) => (
                <div key={d.id} className="mt-1 space-y-0.5">
                  <p className="truncate text-slate-700">{viewerSide === 'CATERING' ? d.clientName : d.cateringName}</p>
                  <StatusBadge status={d.status} />
                  {isCountOpenStatus(d.status) && (
                    <p className="text-slate-600">
                      Change until <time dateTime={d.deadline.toISOString()}>{formatInstant(d.deadline, timeZone)}</time>
                    </p>
                  )}
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
