import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';

/** next-auth's sign-in, sign-out and session endpoints. */
export const handleAuthRequest = NextAuth(authOptions);
