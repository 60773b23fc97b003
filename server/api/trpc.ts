import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { CompanyType, UserRole } from '@/lib/enums';
import { DomainError } from '@/server/domain/errors';
import { env } from '@/server/env';
import { reportServerError } from '@/server/http/server-error';
import { logger } from '@/server/logger';
import type { SessionUser } from '@/server/domain/actor';
import type { Context } from './context';
import { toTRPCError } from './error-mapping';

/** Field path → messages, for showing errors next to the form field they belong to. */
function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  if (cause instanceof ZodError) {
    const out: Record<string, string[]> = {};
    for (const issue of cause.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
    return out;
  }
  if (cause instanceof DomainError && cause.field) return { [cause.field]: [cause.message] };
  return null;
}

/** An unexpected failure already logged under `reference`; its message is the generic one. */
class ReportedServerError extends TRPCError {
  constructor(
    readonly reference: string,
    message: string,
    cause: unknown,
  ) {
    super({ code: 'INTERNAL_SERVER_ERROR', message, cause });
  }
}

function reported(error: unknown, fields: Record<string, unknown>): ReportedServerError {
  const { reference, message } = reportServerError('trpc.error', error, fields);
  return new ReportedServerError(reference, message, error);
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    // Failures outside a procedure (context, request parsing) reach the client only through here.
    const server =
      error instanceof ReportedServerError ? error : error.code === 'INTERNAL_SERVER_ERROR' ? reported(error, { path }) : null;
    const zodIssues =
      error.cause instanceof ZodError
        ? error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }))
        : null;
    return {
      ...shape,
      message: server ? server.message : error.cause instanceof ZodError ? 'Some fields are not valid.' : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        zodIssues,
        fieldErrors: server ? null : fieldErrorsOf(error.cause),
        reference: server?.reference ?? null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * Maps domain and database errors in one place, reports what is left as a real failure (logged
 * with a reference; the client sees only the reference), and logs slow procedures.
 */
const mapErrors = t.middleware(async ({ next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const ms = Math.round(performance.now() - started);
  if (ms >= env.SLOW_REQUEST_MS) logger.warn('trpc.slow', { path, type, ms });
  if (result.ok) return result;
  const mapped = toTRPCError(result.error.cause ?? result.error);
  if (mapped) throw mapped;
  // What is left is a real failure: its detail goes to the log, the client gets a reference.
  if (result.error.code === 'INTERNAL_SERVER_ERROR' && !(result.error instanceof ReportedServerError)) {
    throw reported(result.error, { path, type });
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return next({ ctx: { ...ctx, session: ctx.session } });
});

/** Thrown inside the transaction to roll it back when the procedure answered with an error. */
const ROLLBACK = Symbol('rollback');

/**
 * A tenant mutation runs in one transaction from its first write to the answer it returns.
 * Services join it (inTransaction) and build their answer inside it, from the rows they locked
 * or by reading the stored view again: a failing read rolls the change back instead of
 * answering 500 for something that was stored (and retried).
 */
const answerInsideTransaction = t.middleware(async ({ ctx, type, next }) => {
  if (type !== 'mutation') return next();
  let result: Awaited<ReturnType<typeof next>> | undefined;
  try {
    await ctx.db.transaction(async (tx) => {
      result = await next({ ctx: { ...ctx, db: tx } });
      if (!result.ok) throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
  return result!;
});

/** Tenant scope: the company always comes from the session, never from input. */
export const tenantProcedure = protectedProcedure
  .use(({ ctx, next }) => next({ ctx: { ...ctx, tenant: ctx.session satisfies SessionUser } }))
  .use(answerInsideTransaction);

export function requireRole(...roles: UserRole[]) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.session || !roles.includes(ctx.session.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${roles.join(' or ')} users can do this.` });
    }
    return next();
  });
}

export function requireCompanyType(type: CompanyType) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.session || ctx.session.companyType !== type) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Only ${type === 'CATERING' ? 'catering companies' : 'client companies'} can do this.`,
      });
    }
    return next();
  });
}
