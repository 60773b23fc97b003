import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { env } from '@/server/env';
import type { SessionUser } from '@/server/api/context';
import { checkCredentials } from './credentials';

declare module 'next-auth' {
  interface Session {
    user: SessionUser;
  }
  interface User extends Omit<SessionUser, 'email'> {
    id: string;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    user?: SessionUser;
  }
}

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      id: 'credentials',
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = await checkCredentials(await getDb(), credentials.email, credentials.password);
        return user ? { id: user.userId, ...user } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const { userId, companyId, companyType, role, email } = user;
        token.user = { userId, companyId, companyType, role, email: email ?? '' };
      }
      return token;
    },
    session({ session, token }) {
      if (token.user) session.user = token.user;
      return session;
    },
  },
};
