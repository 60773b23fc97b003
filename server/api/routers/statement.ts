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
    .input(listStatementsInput)
    .output(statementListOutput)
    .query(({ ctx, input }) => listStatements(ctx.db, ctx.tenant, input)),
  get: tenantProcedure
    .input(idInput)
    .output(statementOutput)
    .query(({ ctx, input }) => getStatement(ctx.db, ctx.tenant, input.id)),
  create: catererAdmin
    .input(createStatementInput)
    .output(statementOutput)
    .mutation(({ ctx, input }) => createStatement(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  issue: catererAdmin
    .input(issueStatementInput)
    .output(statementOutput)
    .mutation(({ ctx, input }) => issueStatement(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  markPaid: catererAdmin
    .input(markStatementPaidInput)
    .output(statementOutput)
    .mutation(({ ctx, input }) => markStatementPaid(ctx.db, ctx.tenant, input)),
});
