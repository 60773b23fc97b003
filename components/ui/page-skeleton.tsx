/** Placeholder while a page's figures load: its real heading, then grey blocks of the expected size. */
export function PageSkeleton({ title, blocks }: { title: string; blocks: number[] }) {
  return (
    <div aria-busy="true">
      <div className="mb-6">
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-1 text-sm text-slate-600">Loading…</p>
      </div>
      <div className="grid grid-cols-1 gap-4">
        {blocks.map((height, i) => (
          <div key={i} style={{ height }} className="animate-pulse rounded-lg border border-slate-200 bg-white" aria-hidden />
        ))}
      </div>
    </div>
  );
}
