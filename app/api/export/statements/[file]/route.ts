import { handleStatementExportRequest } from '@/server/routes/statement-export';

export const dynamic = 'force-dynamic';

export const GET = handleStatementExportRequest;
