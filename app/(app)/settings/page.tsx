import type { Metadata } from 'next';
import Link from 'next/link';
import { DeliveryDetailsForm } from '@/components/settings/delivery-details-form';
import { SettingsForm } from '@/components/settings/settings-form';
import { PageHeader } from '@/components/ui/card';
import { getServerCaller, getSignedInUser } from '@/server/api/server-caller';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const [company, session] = await Promise.all([(await getServerCaller()).company.me(), getSignedInUser()]);
  return (
    <>
      <PageHeader title="Settings" description="Your company's details, time zone and schedule." />
      <p className="mb-4 text-sm">
        <Link href="/settings/notifications" className="text-emerald-800 underline">
          Your notification preferences
        </Link>{' '}
        <span className="text-slate-600">— which messages also come to you by e-mail.</span>
      </p>
      <SettingsForm company={company} canEdit={session?.role === 'ADMIN'} />
      {company.delivery && (
        <div className="mt-4 lg:w-1/2 lg:pr-2">
          <DeliveryDetailsForm delivery={company.delivery} canEdit={session?.role === 'ADMIN'} />
        </div>
      )}
    </>
  );
}
