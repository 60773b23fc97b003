import fs from 'node:fs';
import lockfile from 'proper-lockfile';

/**
 * PGlite must be opened by one process only: two writers corrupt the data directory and its
 * own postmaster.pid does not prevent it. We hold a lock file for the life of the process.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return lockfile.lockSync(dataDir, { lockfilePath: `${dataDir}.lock`, stale: 15_000, update: 5_000 });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') {
      throw new Error(
        `The embedded database at "${dataDir}" is already open in another ChefOps process. ` +
          'Stop that process, or point CHEFOPS_DATA_DIR at another folder.',
      );
    }
    throw error;
  }
}
