import { handleTrpcRequest } from '@/server/routes/trpc';

export const dynamic = 'force-dynamic';

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
