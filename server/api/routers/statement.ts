import { idInput } from '@/lib/schemas/common';
import {
  createStatementInput,
  issueStatementInput,
  listStatementsInput,
  markStatementPaidInput,
  statementListOutput,
  statementOutput,
} from '@/lib/schemas/statement';
import { requireCompanyType, requireRole, router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import {
  createStatement,
  getStatement,
  issueStatement,
  listStatements,
  markStatementPaid,
} from '@/server/services/statements/statements';

// The caterer's ADMIN bills; both parties read (a client sees issued statements only).
const catererAdmin = tenantProcedure.use(requireCompanyType('CATERING')).use(requireRole('ADMIN'));

export const statementRouter = router({
  list: tenantProcedure
    .input(syncParser(listStatementsInput))
    .output(syncParser(statementListOutput))
    .query(({ ctx, input }) => listStatements(ctx.db, ctx.tenant, input)),
  get: tenantProcedure
    .input(syncParser(idInput))
    .output(syncParser(statementOutput))
    .query(({ ctx, input }) => getStatement(ctx.db, ctx.tenant, input.id)),
  create: catererAdmin
    .input(syncParser(createStatementInput))
    .output(syncParser(statementOutput))
    .mutation(({ ctx, input }) => createStatement(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  issue: catererAdmin
    .input(syncParser(issueStatementInput))
    .output(syncParser(statementOutput))
    .mutation(({ ctx, input }) => issueStatement(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  markPaid: catererAdmin
    .input(syncParser(markStatementPaidInput))
    .output(syncParser(statementOutput))
    .mutation(({ ctx, input }) => markStatementPaid(ctx.db, ctx.tenant, input)),
});
