import type { Metadata } from 'next';
import { AccountSecurity } from '@/components/account/account-security';
import { PageHeader } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Sessions' };

export default function SessionsPage() {
  return (
    <>
      <PageHeader title="Sessions" description="The devices signed in to your account, and your password." />
      <AccountSecurity />
    </>
  );
}
