import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../db/migrations';
import { databaseUrl, testDatabaseUrl } from './pg-urls';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

/**
 * On PostgreSQL, migrate one template database per run; each test file then clones it
 * (CREATE DATABASE … TEMPLATE), far faster than migrating per file. The name is unique per
 * run so that parallel runs on one server never share or drop each other's template.
 */
export async function setup(project: TestProject) {
  const base = testDatabaseUrl();
  if (!base) return;
  const name = `chefops_tpl_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const template = postgres(databaseUrl(base, name), { max: 1, onnotice: () => {} });
  await migratePostgres(template);
  await template.end();
  project.provide('templateDb', name);
  return async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
}
