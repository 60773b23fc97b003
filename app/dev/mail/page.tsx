import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Fragment } from 'react';
import { BrowserTime } from '@/components/ui/browser-time';
import { loadDevMailbox } from '@/server/routes/dev-mailbox';

export const metadata: Metadata = { title: 'Development mailbox' };
export const dynamic = 'force-dynamic';

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Message text with its links clickable. */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all text-emerald-800 underline">
            {part}
          </a>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** With the dev mailbox on (development without SMTP_URL), outgoing email lands here instead of being sent. */
export default async function DevMailPage() {
  const messages = await loadDevMailbox();
  if (!messages) notFound();
  return (
    <main className="mx-auto max-w-4xl px-4 py-6 sm:px-6">
      <h1 className="text-2xl font-semibold text-slate-900">Development mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        The latest 100 emails the app would have sent (text part, and the HTML part below it), newest first. The outbox drains and sends every minute.
      </p>
      {messages.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">No emails yet.</p>
      ) : (
        <ul className="mt-6 space-y-4" data-testid="dev-mail-list">
          {messages.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-base font-semibold text-slate-900">{m.subject}</h2>
              <p className="mt-1 text-xs text-slate-600">
                To {m.to} · <BrowserTime instant={m.createdAt} />
              </p>
              <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
                <Linkified text={m.text} />
              </pre>
              {m.html && (
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm text-emerald-800">HTML part</summary>
                  {/* Sandboxed: the message's HTML cannot run scripts or reach this page. */}
                  <iframe title={`HTML part of ${m.subject}`} srcDoc={m.html} sandbox="" className="mt-2 h-96 w-full rounded border border-slate-200" />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
