import {
  contractListOutput,
  contractOutput,
  counterpartiesOutput,
  createContractInput,
  declineContractInput,
  listContractsInput,
  updateContractInput,
} from '@/lib/schemas/contract';
import { idInput } from '@/lib/schemas/common';
import { requireCompanyType, requireRole, router, tenantProcedure } from '@/server/api/trpc';
import { syncParser } from '@/server/api/sync-parser';
import { listCounterparties } from '@/server/services/contracts/counterparties';
import { createContract } from '@/server/services/contracts/create';
import { acceptContract, declineContract, withdrawContract } from '@/server/services/contracts/proposals';
import { changeContractStatus } from '@/server/services/contracts/transitions';
import { updateContract } from '@/server/services/contracts/update';
import { getContract, listContracts } from '@/server/services/contracts/views';

// Guards run before input parsing, so a wrong role is FORBIDDEN whatever the input.
const catererAdmin = tenantProcedure.use(requireCompanyType('CATERING')).use(requireRole('ADMIN'));
const caterer = tenantProcedure.use(requireCompanyType('CATERING'));
const clientAdmin = tenantProcedure.use(requireCompanyType('CLIENT')).use(requireRole('ADMIN'));
const eitherAdmin = tenantProcedure.use(requireRole('ADMIN'));

export const contractRouter = router({
  list: tenantProcedure
    .input(syncParser(listContractsInput))
    .output(syncParser(contractListOutput))
    .query(({ ctx, input }) => listContracts(ctx.db, ctx.tenant, input)),
  get: tenantProcedure
    .input(syncParser(idInput))
    .output(syncParser(contractOutput))
    .query(({ ctx, input }) => getContract(ctx.db, ctx.tenant, input.id)),
  /** Client companies this caterer has or had an accepted contract with (ACTIVE, PAUSED, TERMINATED), by name. */
  counterparties: caterer.output(syncParser(counterpartiesOutput)).query(({ ctx }) => listCounterparties(ctx.db, ctx.tenant)),
  create: catererAdmin
    .input(syncParser(createContractInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) => createContract(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  update: catererAdmin
    .input(syncParser(updateContractInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) => updateContract(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  /** The client's ADMIN accepts a proposal: ACTIVE, capacity and one-active-per-pair checked, days generated. */
  accept: clientAdmin
    .input(syncParser(idInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) => acceptContract(ctx.db, ctx.tenant, { id: input.id, now: ctx.now() })),
  /** The client's ADMIN declines a proposal with a reason: DECLINED (final). */
  decline: clientAdmin
    .input(syncParser(declineContractInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) => declineContract(ctx.db, ctx.tenant, { ...input, now: ctx.now() })),
  /** The caterer's ADMIN withdraws its proposal: DECLINED (final). */
  withdraw: catererAdmin
    .input(syncParser(idInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) => withdrawContract(ctx.db, ctx.tenant, { id: input.id, now: ctx.now() })),
  pause: eitherAdmin
    .input(syncParser(idInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) => changeContractStatus(ctx.db, ctx.tenant, { id: input.id, action: 'pause', now: ctx.now() })),
  resume: eitherAdmin
    .input(syncParser(idInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) => changeContractStatus(ctx.db, ctx.tenant, { id: input.id, action: 'resume', now: ctx.now() })),
  terminate: eitherAdmin
    .input(syncParser(idInput))
    .output(syncParser(contractOutput))
    .mutation(({ ctx, input }) =>
      changeContractStatus(ctx.db, ctx.tenant, { id: input.id, action: 'terminate', now: ctx.now() }),
    ),
});
