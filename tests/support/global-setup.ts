import postgres from 'postgres';
import { migratePostgres } from '../../db/migrations';
import { TEMPLATE_DB, databaseUrl, testDatabaseUrl } from './pg-urls';

/**
 * On PostgreSQL, migrate one template database once; each test file then clones it
 * (CREATE DATABASE … TEMPLATE), which is far faster than migrating per file.
 */
export async function setup() {
  const base = testDatabaseUrl();
  if (!base) return;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const template = postgres(databaseUrl(base, TEMPLATE_DB), { max: 1, onnotice: () => {} });
  await migratePostgres(template);
  await template.end();
}

