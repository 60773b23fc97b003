import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function NotificationsLoading() {
  return <PageSkeleton title="Notifications" blocks={[240]} />;
}
