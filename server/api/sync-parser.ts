import type { z } from 'zod';

/**
 * A schema as tRPC's `.input()` / `.output()` takes it, parsed synchronously. tRPC calls zod's
 * `parseAsync` whenever a schema has one, and on the async path zod 4 skips the compiled
 * (JIT) object parser: a list of 87 service days took 0.65 ms to validate instead of 0.2.
 * None of our schemas has an async refinement, so nothing needs the async path. The types come
 * from `~standard`, as for the schema itself.
 */
export function syncParser<S extends z.ZodType>(schema: S): Pick<S, '~standard'> & { parse: (value: unknown) => z.output<S> } {
  return { '~standard': schema['~standard'], parse: (value) => schema.parse(value) };
}
