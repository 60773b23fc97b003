import { readFileSync } from 'node:fs';
import path from 'node:path';
import { registerCommonPasswords } from '@/lib/password';

/**
 * Loads the shipped list of common passwords into the password rule (lib/password), which the
 * procedures' schemas run. Read once, relative to the project root: that path is the same under
 * vitest, tsx scripts and the Next server, where a bundler may move this module elsewhere.
 */
export const COMMON_PASSWORDS_FILE = path.join(process.cwd(), 'server', 'auth', 'common-passwords.txt');
registerCommonPasswords(
  readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean),
);
