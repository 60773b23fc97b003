import { PageSkeleton } from '@/components/reports/page-skeleton';

export default function DashboardLoading() {
  return <PageSkeleton title="Dashboard" blocks={[120, 280, 200]} />;
}
