import Link from 'next/link';

/** Previous/next links for a list split into pages; `href(page)` keeps the other filters. */
export function Pager({ page, pageCount, href, label }: { page: number; pageCount: number; href: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  const link = 'inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50';
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link className={link} href={href(page - 1)} rel="prev">
          Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className={link} href={href(page + 1)} rel="next">
          Next
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The 1-based page to show, clamped to what exists. */
export function pageFrom(raw: string | undefined, pageCount: number): number {
  const n = Number.parseInt(raw ?? '1', 10);
  return Math.min(Math.max(Number.isFinite(n) ? n : 1, 1), Math.max(pageCount, 1));
}
