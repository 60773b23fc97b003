import { handleServiceDaysCsvRequest } from '@/server/routes/service-days-csv';

export const dynamic = 'force-dynamic';

export const GET = handleServiceDaysCsvRequest;
