import { parseEnv } from './env-schema';

/** Validated configuration. The only module that reads process.env. */
export const env = parseEnv(process.env);
