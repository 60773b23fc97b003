import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { passwordProblem, passwordSchema } from '@/lib/password';
import { MAX_PASSWORD_BYTES } from '@/lib/limits';
import { COMMON_PASSWORDS_FILE } from './password-policy';

describe('password policy', () => {
  it('accepts 8 to 72 bytes that are not common', () => {
    expect(passwordProblem('kettle-orbit-9')).toBeNull();
    expect(passwordProblem('qwpoeiru')).toBeNull();
    expect(passwordProblem('x'.repeat(MAX_PASSWORD_BYTES))).toBeNull();
  });

  it('refuses fewer than 8 characters', () => {
    expect(passwordProblem('Ab3$xyz')).toMatch(/at least 8/);
    expect(passwordProblem('')).toMatch(/at least 8/);
  });

  it('counts bytes, not characters, and explains the 72-byte limit', () => {
    expect(passwordProblem('x'.repeat(73))).toMatch(/at most 72 bytes/);
    // 36 two-byte letters = 72 bytes: allowed; 37 = 74 bytes: refused though only 37 characters.
    expect(passwordProblem('é'.repeat(36))).toBeNull();
    expect(passwordProblem('é'.repeat(37))).toMatch(/at most 72 bytes.*accented/);
    // An emoji is 4 bytes: 18 of them fill the limit exactly.
    expect(passwordProblem('🍲'.repeat(18))).toBeNull();
    expect(passwordProblem('🍲'.repeat(19))).toMatch(/too long/);
  });

  it('refuses the shipped common passwords, whatever the letter case', () => {
    expect(passwordProblem('password')).toMatch(/too common/);
    expect(passwordProblem('PassWord')).toMatch(/too common/);
    expect(passwordProblem('BASEBALL')).toMatch(/too common/);
    expect(passwordProblem('12345678')).toMatch(/too common/);
  });

  it('loads every entry of the list at module load (spot check from the file itself)', () => {
    const lines = readFileSync(COMMON_PASSWORDS_FILE, 'utf8').split(/\r?\n/).filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(5000);
    for (const p of [lines[0]!, lines[2500]!, lines.at(-1)!]) {
      if (Buffer.byteLength(p) >= 8 && Buffer.byteLength(p) <= 72) expect(passwordProblem(p.toUpperCase())).toMatch(/too common/);
    }
  });

  it('passwordSchema reports the problem as its zod message', () => {
    const result = passwordSchema.safeParse('short');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/at least 8/);
    expect(passwordSchema.safeParse('kettle-orbit-9').success).toBe(true);
  });
});
