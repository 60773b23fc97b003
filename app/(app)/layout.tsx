import type { ReactNode } from 'react';
import { SessionWatcher } from '@/components/auth/session-watcher';
import { AppHeader } from '@/components/layout/app-header';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';

export const dynamic = 'force-dynamic';

/** Every page in this group needs a signed-in user. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await getSignedInUser();
  const company = await (await getServerCaller()).company.me();
  return (
    <div className="min-h-screen">
      <SessionWatcher />
      <AppHeader companyName={company.name} companyType={company.companyType} email={session.email} role={session.role} />
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
