import type { Metadata } from 'next';
import Link from 'next/link';
import { NotificationList } from '@/components/notifications/notification-list';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const company = await (await getServerCaller()).company.me();
  return (
    <>
      <PageHeader title="Notifications" description="What the other party of your contracts did, and confirmations due soon." />
      <p className="mb-4 text-sm">
        <Link href="/settings/notifications" className="text-emerald-800 underline">
          Choose which ones also come by e-mail
        </Link>
      </p>
      <NotificationList timeZone={company.timezone} />
    </>
  );
}
