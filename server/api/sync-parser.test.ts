import { initTRPC, TRPCError } from '@trpc/server';
import { describe, expect, it, vi } from 'vitest';
import { z, ZodError } from 'zod';
import { syncParser } from './sync-parser';

const t = initTRPC.create();
const input = z.object({ name: z.string().min(1), count: z.number().int() });
const output = z.object({ name: z.string(), counts: z.array(z.number()).transform((xs) => xs.length) });

const router = t.router({
  echo: t.procedure
    .input(syncParser(input))
    .output(syncParser(output))
    .query(({ input }) => ({ name: input.name, counts: Array.from({ length: input.count }, (_, i) => i) })),
});
const caller = t.createCallerFactory(router)({});

describe('syncParser', () => {
  it('is parsed by tRPC synchronously, input and output, never through parseAsync', async () => {
    const parse = vi.spyOn(input, 'parse');
    const parseAsync = vi.spyOn(input, 'parseAsync');
    const outParse = vi.spyOn(output, 'parse');
    const outParseAsync = vi.spyOn(output, 'parseAsync');
    await expect(caller.echo({ name: 'a', count: 3 })).resolves.toEqual({ name: 'a', counts: 3 });
    expect(parse).toHaveBeenCalledTimes(1);
    expect(outParse).toHaveBeenCalledTimes(1);
    expect(parseAsync).not.toHaveBeenCalled();
    expect(outParseAsync).not.toHaveBeenCalled();
  });

  it('refuses bad input as BAD_REQUEST with the ZodError as its cause', async () => {
    const error = await caller.echo({ name: '', count: 1.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect((error as TRPCError).cause).toBeInstanceOf(ZodError);
    expect(((error as TRPCError).cause as ZodError).issues.map((i) => i.path.join('.'))).toEqual(['name', 'count']);
  });
});
