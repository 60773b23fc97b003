'use client';
import { DataTable, type ColumnDef } from '@/components/reports/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatCount, formatDate, formatMoney } from '@/lib/format';
import type { ReportRow, ReportTotals } from '@/lib/schemas/report';

/** A report's days: date, expected, served, cost and status, sortable, with the totals. */
export function ReportTable({ caption, rows, totals, currency }: { caption: string; rows: ReportRow[]; totals: ReportTotals; currency: string }) {
  const columns: ColumnDef<ReportRow, unknown>[] = [
    { id: 'date', accessorKey: 'serviceDate', header: 'Date', cell: ({ row }) => <span className="whitespace-nowrap">{formatDate(row.original.serviceDate)}</span> },
    { id: 'expected', accessorKey: 'expectedQuantity', header: 'Expected', cell: ({ row }) => formatCount(row.original.expectedQuantity) },
    {
      id: 'served',
      accessorFn: (r) => r.servedQuantity ?? -1,
      header: 'Served',
      cell: ({ row }) => {
        const { servedQuantity, originalServedQuantity } = row.original;
        if (servedQuantity === null) return <span className="text-slate-500">—</span>;
        return (
          <>
            {formatCount(servedQuantity)}
            {originalServedQuantity !== null && originalServedQuantity !== servedQuantity && (
              <span className="block text-xs text-slate-600">
                was <del>{formatCount(originalServedQuantity)}</del>
              </span>
            )}
          </>
        );
      },
    },
    {
      id: 'cost',
      accessorKey: 'costCents',
      header: 'Cost',
      cell: ({ row }) => (
        <>
          {formatMoney(row.original.costCents, currency)}
          {row.original.costIsEstimate && <span className="block text-xs text-amber-800">estimate</span>}
        </>
      ),
    },
    {
      id: 'status',
      accessorKey: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <>
          <StatusBadge status={row.original.status} />
          {row.original.status === 'DISPUTED' && row.original.disputeReason && (
            <span className="mt-1 block max-w-xs whitespace-pre-line break-words text-xs text-slate-700">{row.original.disputeReason}</span>
          )}
        </>
      ),
    },
  ];
  return (
    <DataTable
      caption={caption}
      captionVisible
      columns={columns}
      data={rows}
      initialSorting={[{ id: 'date', desc: false }]}
      numeric={['expected', 'served', 'cost']}
      totals={[
        {
          key: 'total',
          label: `Total (${totals.days} ${totals.days === 1 ? 'day' : 'days'})`,
          cells: {
            expected: formatCount(totals.expectedMeals),
            served: formatCount(totals.servedMeals),
            cost: (
              <>
                {formatMoney(totals.totalCostCents, currency)}
                {totals.isEstimate && (
                  <span className="block text-xs font-normal text-amber-800">incl. {formatMoney(totals.estimatedCostCents, currency)} estimated</span>
                )}
              </>
            ),
          },
        },
      ]}
    />
  );
}
