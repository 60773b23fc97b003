import type { Metadata } from 'next';
import { NotificationList } from '@/components/notifications/notification-list';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const company = await (await getServerCaller()).company.me();
  return (
    <>
      <PageHeader title="Notifications" description="What the other party of your contracts did, and confirmations due soon." />
      <NotificationList timeZone={company.timezone} />
    </>
  );
}
