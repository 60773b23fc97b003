import { PageSkeleton } from '@/components/ui/page-skeleton';

export default function ContractsLoading() {
  return <PageSkeleton title="Contracts" blocks={[56, 120, 120]} />;
}
