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
  footer?: ReactNode;
  /** Cells of these column ids are right-aligned (numbers, money). */
  numeric?: string[];
};

const SORT_LABEL = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A sortable table. Sorting is done with header buttons (keyboard-usable, announced through
 * aria-sort); the table scrolls inside its own box so a phone screen never scrolls sideways.
 */
export function DataTable<Row>({ caption, captionVisible, columns, data, initialSorting = [], footer, numeric = [] }: Props<Row>) {
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
  return (
    <div className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0" tabIndex={0} role="region" aria-label={typeof caption === 'string' ? caption : undefined}>
      <table className="w-full min-w-[32rem] border-collapse text-sm">
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
        {footer && <tfoot className="border-t-2 border-slate-200 font-semibold">{footer}</tfoot>}
      </table>
    </div>
  );
}
