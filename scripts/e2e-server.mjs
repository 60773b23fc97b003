// Starts the production server for the browser tests on a fresh embedded database.
// `npm test` builds first (scripts/test.mjs); run `npm run build` before `npm run test:e2e` alone.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

const dataDir = process.env.CHEFOPS_DATA_DIR ?? '.data/e2e';
rmSync(dataDir, { recursive: true, force: true });
rmSync(`${dataDir}.lock`, { recursive: true, force: true });

const server = spawn('npx', ['next', 'start', '-p', process.env.PORT ?? '3210'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
