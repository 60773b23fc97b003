'use client';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export type { ColumnDef } from '@tanstack/react-table';

type Props<Row> = {
  caption: ReactNode;
  /** Show the caption to sighted users too (default: only to assistive technology). */
  captionVisible?: boolean;
  columns: ColumnDef<Row, unknown>[];
  data: Row[];
  initialSorting?: SortingState;
  /** Total rows: a label, then a value under the columns it sums (by column id). */
  totals?: TotalRow[];
  /** Cells of these column ids are right-aligned (numbers, money). */
  numeric?: string[];
};

export type TotalRow = { key: string; label: ReactNode; cells: Partial<Record<string, ReactNode>> };

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A sortable table from 640 px up; below it every row is a card listing its values under their
 * column names, so on a phone no amount is ever cut off or scrolled out of sight, and the totals
 * follow as a card of their own. Sorting is done with header buttons (keyboard-usable,
 * announced through aria-sort); cards keep the table's order.
 */
export function DataTable<Row>({ caption, captionVisible, columns, data, initialSorting = [], totals = [], numeric = [] }: Props<Row>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  // TanStack Table keeps its own state; the React Compiler skips this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const align = (id: string) => (numeric.includes(id) ? 'text-right' : 'text-left');
  const leafColumns = table.getVisibleLeafColumns();
  const headerOf = (id: string) => {
    const header = leafColumns.find((c) => c.id === id)?.columnDef.header;
    return typeof header === 'string' ? header : id;
  };
  const regionLabel = typeof caption === 'string' ? caption : undefined;
  return (
    <>
      {captionVisible ? <p className="mb-2 text-sm font-semibold text-slate-900 sm:hidden">{caption}</p> : null}
      <ul className="space-y-2 sm:hidden" aria-label={regionLabel}>
        {table.getRowModel().rows.map((row) => {
          const [first, ...rest] = row.getVisibleCells();
          return (
            <li key={row.id} className="rounded-md border border-slate-200 p-3 text-sm">
              <div className="font-medium text-slate-900">{first && flexRender(first.column.columnDef.cell, first.getContext())}</div>
              <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1">
                {rest.map((cell) => (
                  <div key={cell.id} className="min-w-0 tabular-nums">
                    <dt className="text-xs text-slate-600">{headerOf(cell.column.id)}</dt>
                    <dd className="break-words">{flexRender(cell.column.columnDef.cell, cell.getContext())}</dd>
                  </div>
                ))}
              </dl>
            </li>
          );
        })}
        {totals.map((t) => (
          <li key={t.key} className="rounded-md border-2 border-slate-300 bg-slate-50 p-3 text-sm font-semibold">
            <div>{t.label}</div>
            <dl className="mt-1 grid grid-cols-2 gap-x-3 gap-y-1">
              {leafColumns
                .filter((c) => t.cells[c.id] !== undefined)
                .map((c) => (
                  <div key={c.id} className="tabular-nums">
                    <dt className="text-xs font-normal text-slate-600">{headerOf(c.id)}</dt>
                    <dd>{t.cells[c.id]}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block" tabIndex={0} role="region" aria-label={regionLabel}>
        <table className="w-full border-collapse text-sm">
          <caption className={captionVisible ? 'mb-2 text-left text-sm font-semibold text-slate-900' : 'sr-only'}>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-slate-200">
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted ? SORT_LABEL[sorted] : undefined}
                      className={cn('whitespace-nowrap px-2 py-2 font-medium text-slate-700', align(header.column.id))}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-emerald-700"
                        >
                          {label}
                          <span aria-hidden className="text-xs text-slate-500">
                            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100 last:border-0">
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cn('px-2 py-2 align-top tabular-nums', align(cell.column.id))}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {totals.length > 0 && (
            <tfoot className="border-t-2 border-slate-200 font-semibold">
              {totals.map((t) => (
                <tr key={t.key}>
                  {leafColumns.map((c, i) =>
                    i === 0 ? (
                      <th key={c.id} scope="row" className="px-2 py-2 text-left">
                        {t.label}
                      </th>
                    ) : (
                      <td key={c.id} className={cn('px-2 py-2 tabular-nums', align(c.id))}>
                        {t.cells[c.id]}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tfoot>
          )}
        </table>
      </div>
    </>
  );
}
