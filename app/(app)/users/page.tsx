import type { Metadata } from 'next';
import { getSignedInUser } from '@/server/api/server-caller';
import { Card, PageHeader } from '@/components/ui/card';
import { UsersPanel } from '@/components/users/users-panel';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const session = await getSignedInUser();
  return (
    <>
      <PageHeader title="Users" description="Who can use ChefOps in your company, and what each person may do." />
      {session?.role === 'ADMIN' ? (
        <UsersPanel currentUserId={session.userId} />
      ) : (
        <Card>
          <p className="text-sm text-slate-700">Only an administrator can manage users.</p>
        </Card>
      )}
    </>
  );
}
