import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function ReportsLoading() {
  return <PageSkeleton title="Reports" blocks={[96, 140, 260]} />;
}
