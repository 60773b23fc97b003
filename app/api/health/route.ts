import { handleHealthRequest } from '@/server/routes/health';

export const dynamic = 'force-dynamic';

export const GET = handleHealthRequest;
