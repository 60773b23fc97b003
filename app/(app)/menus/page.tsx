import type { Metadata } from 'next';
import Link from 'next/link';
import { MenuDishes } from '@/components/menus/dish-badges';
import { MenuWeekEditor } from '@/components/menus/menu-week-editor';
import { Card, PageHeader } from '@/components/ui/card';
import { addDays, isValidDate, isoWeekday, localToday, weekContaining } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { getServerCaller } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Menus' };

type Search = { contractId?: string; week?: string };

/** A contract's menus a week at a time: the caterer fills them in, the client reads them. */
export default async function MenusPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const api = await getServerCaller();
  const [company, all] = await Promise.all([api.company.me(), api.contract.list()]);
  const contracts = all.filter((c) => c.status !== 'TERMINATED');
  const contract = contracts.find((c) => c.id === search.contractId) ?? contracts[0];
  const isCaterer = company.companyType === 'CATERING';
  const counterpart = (c: (typeof contracts)[number]) => (isCaterer ? c.clientName : c.cateringName);
  if (!contract) {
    return (
      <>
        <PageHeader title="Menus" />
        <Card>
          <p className="text-sm text-slate-700">No active contract yet.</p>
        </Card>
      </>
    );
  }
  const today = localToday(new Date(), contract.clientTimeZone);
  const weekStart = weekContaining(search.week && isValidDate(search.week) ? search.week : today).from;
  const weekEnd = addDays(weekStart, 6);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)).filter(
    (d) => contract.serviceDays.includes(isoWeekday(d)) && d >= contract.startDate && d <= contract.endDate,
  );
  const menus = await api.menu.list({ contractId: contract.id, from: weekStart, to: weekEnd });
  const link = (week: string, id = contract.id) => `/menus?contractId=${id}&week=${week}`;

  return (
    <>
      <PageHeader
        title="Menus"
        description={isCaterer ? 'Publish each day’s dishes with their diets and allergens; the client sees them beside its count.' : 'What your caterer cooks each day, with diets and allergens.'}
      />
      <nav aria-label="Contracts" className="mb-3 flex flex-wrap gap-2">
        {contracts.map((c) => (
          <Link
            key={c.id}
            href={link(weekStart, c.id)}
            aria-current={c.id === contract.id ? 'page' : undefined}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm aria-[current=page]:border-emerald-700 aria-[current=page]:bg-emerald-50"
          >
            {counterpart(c)}
          </Link>
        ))}
      </nav>
      <Card
        title={`Week of ${formatDate(weekStart)}`}
        actions={
          <div className="flex gap-2 text-sm">
            <Link className="text-emerald-800 underline" href={link(addDays(weekStart, -7))}>
              ← Previous week
            </Link>
            <Link className="text-emerald-800 underline" href={link(addDays(weekStart, 7))}>
              Next week →
            </Link>
          </div>
        }
      >
        {isCaterer ? (
          <MenuWeekEditor contractId={contract.id} weekStart={weekStart} dates={dates} menus={menus} />
        ) : (
          <ul className="space-y-3">
            {dates.map((date) => {
              const menu = menus.find((m) => m.date === date);
              return (
                <li key={date} data-testid="menu-day" data-date={date}>
                  <p className="font-medium text-slate-900">{formatDate(date, { weekday: 'long', day: 'numeric', month: 'short' })}</p>
                  {menu ? <MenuDishes dishes={menu.dishes} /> : <p className="text-sm text-slate-600">No menu published yet.</p>}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
