import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function ServiceDaysLoading() {
  return <PageSkeleton title="Service days" blocks={[110, 320]} />;
}
