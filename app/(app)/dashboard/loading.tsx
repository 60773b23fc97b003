import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function DashboardLoading() {
  return <PageSkeleton title="Dashboard" blocks={[120, 280, 200]} />;
}
