import type { Metadata } from 'next';
import { NotificationPreferencesForm } from '@/components/settings/notification-preferences-form';
import { PageHeader } from '@/components/ui/card';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from '@/lib/enums';
import { getServerCaller } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Notification preferences' };

/** Each user's own choice per category; e-mails link here with `?category=` to stop that kind. */
export default async function NotificationPreferencesPage({ searchParams }: { searchParams: Promise<{ category?: string }> }) {
  const [{ category }, preferences] = await Promise.all([searchParams, (await getServerCaller()).user.notificationPreferences()]);
  const highlight = NOTIFICATION_CATEGORIES.find((c): c is NotificationCategory => c === category);
  return (
    <>
      <PageHeader title="Notification preferences" description="What comes to you by e-mail. The bell in the app always shows everything." />
      <NotificationPreferencesForm preferences={preferences} highlight={highlight} />
    </>
  );
}
