import { handleAuthRequest } from '@/server/routes/auth';

export { handleAuthRequest as GET, handleAuthRequest as POST };
