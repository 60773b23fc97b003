'use client';
import Link from 'next/link';
import { DataTable, type ColumnDef } from '@/components/reports/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatCount, formatMoney } from '@/lib/format';
import type { ContractCost, CurrencyTotal } from '@/lib/schemas/report';

function CostCell({ cents, estimatedCents, currency }: { cents: number; estimatedCents: number; currency: string }) {
  return (
    <>
      {formatMoney(cents, currency)}
      {estimatedCents > 0 && (
        <span className="block text-xs font-normal text-amber-800">incl. {formatMoney(estimatedCents, currency)} estimated</span>
      )}
    </>
  );
}

/** Cost (for a client) or revenue (for a caterer) per contract over a period, with totals per currency. */
export function ContractCostTable({
  caption,
  counterpartLabel,
  rows,
  totals,
}: {
  caption: string;
  counterpartLabel: 'Caterer' | 'Client';
  rows: ContractCost[];
  totals: CurrencyTotal[];
}) {
  const columns: ColumnDef<ContractCost, unknown>[] = [
    {
      id: 'counterpart',
      accessorKey: 'counterpartName',
      header: counterpartLabel,
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-2">
          <Link href={`/reports?contractId=${row.original.contractId}`} className="text-emerald-800 underline">
            {row.original.counterpartName}
          </Link>
          {row.original.contractStatus !== 'ACTIVE' && <StatusBadge status={row.original.contractStatus} />}
        </span>
      ),
    },
    { id: 'days', accessorKey: 'days', header: 'Days' },
    {
      id: 'meals',
      accessorFn: (r) => r.servedMeals,
      header: 'Meals served',
      cell: ({ row }) => formatCount(row.original.servedMeals),
    },
    {
      id: 'cost',
      accessorKey: 'totalCostCents',
      header: 'Cost',
      cell: ({ row }) => (
        <CostCell cents={row.original.totalCostCents} estimatedCents={row.original.estimatedCostCents} currency={row.original.currency} />
      ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      data={rows}
      numeric={['days', 'meals', 'cost']}
      totals={totals.map((t) => ({
        key: t.currency,
        label: `Total${totals.length > 1 ? ` in ${t.currency}` : ''}`,
        cells: { cost: <CostCell cents={t.totalCostCents} estimatedCents={t.estimatedCostCents} currency={t.currency} /> },
      }))}
    />
  );
}
