import type { Metadata } from 'next';
import { SettingsForm } from '@/components/settings/settings-form';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const [company, session] = await Promise.all([(await getServerCaller()).company.me(), getSignedInUser()]);
  return (
    <>
      <PageHeader title="Settings" description="Your company's details, time zone and schedule." />
      <SettingsForm company={company} canEdit={session?.role === 'ADMIN'} />
    </>
  );
}
