import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
/** Ports reserved for throwaway clusters of this suite (never the shared server's). */
const PORTS = [5451, 5452, 5453, 5454, 5455, 5456, 5457, 5458, 5459];

/** initdb and pg_ctl refuse to run as root: as root, run them as the `postgres` OS user. */
const asRoot = process.getuid?.() === 0;
function pg(tool: string, args: string[]) {
  const command = path.join(BIN, tool);
  return asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function osUser(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export type ThrowawayCluster = {
  url: string;
  port: number;
  /** Shuts the server down (`fast`: active sessions are terminated, as in a real restart or failover). */
  halt(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Removes the cluster for good. */
  stop(): Promise<void>;
};

/**
 * A PostgreSQL cluster of its own in a temporary folder, on a free port of its own, for tests
 * that must restart the server. Never the shared server. Trust auth on 127.0.0.1 only; no fsync
 * (nothing here needs to survive a power cut).
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chefops-pg-'));
  if (asRoot) {
    const { uid, gid } = await osUser('postgres');
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  let port: number | undefined;
  for (const candidate of PORTS) {
    if (await portIsFree(candidate)) {
      port = candidate;
      break;
    }
  }
  if (!port) throw new Error(`No free port among ${PORTS.join(', ')} for a throwaway PostgreSQL cluster`);
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  const ctl = (...args: string[]) => pg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', ...args]);
  const start = async () => {
    await ctl('-o', options, 'start');
  };
  await start();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    halt: async () => {
      await ctl('-m', 'fast', 'stop');
    },
    start,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await ctl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
