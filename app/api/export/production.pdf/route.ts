import { productionExportHandler } from '@/server/routes/production-export';

export const dynamic = 'force-dynamic';

export const GET = productionExportHandler('pdf');
