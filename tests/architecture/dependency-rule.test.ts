import { describe, expect, it } from 'vitest';
import { projectLinter } from '../support/project-lint';

// The one-way dependency rule (SPEC §13) is enforced by the project's ESLint config; this runs
// that config on small sources placed in each layer, so a config change that stops catching
// a violation fails here, not silently in review.
const restrictedImports = projectLinter('@typescript-eslint/no-restricted-imports');

describe('one-way dependencies (ESLint)', { timeout: 30_000 }, () => {
  it('refuses a runtime import of server/ from components/, through the alias or a relative path', async () => {
    expect(await restrictedImports('components/example.tsx', "import { env } from '@/server/env';\nexport const a = env;\n")).toEqual([
      expect.stringMatching(/only with `import type`/),
    ]);
    expect(await restrictedImports('components/ui/example.tsx', "import { getDb } from '../../server/database';\nexport const a = getDb;\n")).toHaveLength(1);
  });

  it('lets components/ and lib/ import server types with `import type`, and lib/ freely', async () => {
    const code = "import type { SessionUser } from '@/server/domain/actor';\nimport { addDays } from '@/lib/dates';\nexport const a = (u: SessionUser) => addDays(u.email, 1);\n";
    expect(await restrictedImports('components/example.tsx', code)).toEqual([]);
    expect(await restrictedImports('lib/example.ts', code)).toEqual([]);
  });

  it('refuses db/ in lib/', async () => {
    expect(await restrictedImports('lib/example.ts', "import { users } from '@/db/schema';\nexport const a = users;\n")).toHaveLength(1);
  });

  it('lets app/ use the server caller and route handlers only', async () => {
    expect(await restrictedImports('app/example/page.tsx', "import { getServerCaller } from '@/server/api/server-caller';\nexport const a = getServerCaller;\n")).toEqual([]);
    expect(await restrictedImports('app/example/route.ts', "import { outboxCron } from '@/server/routes/cron';\nexport const GET = outboxCron;\n")).toEqual([]);
    expect(await restrictedImports('app/example/page.tsx', "import { getDb } from '@/server/database';\nexport const a = getDb;\n")).toHaveLength(1);
    expect(await restrictedImports('app/example/page.tsx', "import { users } from '@/db/schema';\nexport const a = users;\n")).toHaveLength(1);
  });

  it('refuses server/ in db/', async () => {
    expect(await restrictedImports('db/example.ts', "import { env } from '@/server/env';\nexport const a = env;\n")).toHaveLength(1);
  });

  it('keeps server/domain/ to packages, lib/ and itself', async () => {
    expect(await restrictedImports('server/domain/example.ts', "import { users } from '@/db/schema';\nexport const a = users;\n")).toHaveLength(1);
    expect(await restrictedImports('server/domain/example.ts', "import type { Context } from '@/server/api/context';\nexport type A = Context;\n")).toHaveLength(1);
    const pure = "import { DateTime } from 'luxon';\nimport { addDays } from '@/lib/dates';\nimport { DomainError } from './errors';\nexport const a = [DateTime, addDays, DomainError];\n";
    expect(await restrictedImports('server/domain/example.ts', pure)).toEqual([]);
  });

  it('refuses server/api/ in services, even as a type', async () => {
    expect(await restrictedImports('server/services/example.ts', "import type { Context } from '@/server/api/context';\nexport type A = Context;\n")).toHaveLength(1);
    expect(await restrictedImports('server/services/reports/example.ts', "import { appRouter } from '../../api/root';\nexport const a = appRouter;\n")).toHaveLength(1);
  });
});
