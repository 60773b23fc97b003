import type { Metadata } from 'next';
import { RegisterForm } from '@/components/auth/register-form';

export const metadata: Metadata = { title: 'Create an account' };

/** `?token=`: a caterer's client invitation (the form pre-fills the invited client company). */
export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <RegisterForm invitationToken={typeof token === 'string' && token ? token : undefined} />;
}
