import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA_VERSION } from '../src/storage/postgres/migrations.js';
import { createTestDatabase, describeIfPostgres, type TestDatabase } from './support/postgres.js';
import { serviceEnv } from './support/service-process.js';

const run = promisify(execFile);

/** `npm run db:migrate` runs this module (built); the test runs its source, as the build would. */
const migrate = (env: NodeJS.ProcessEnv) =>
  run(process.execPath, ['--import', 'tsx', 'src/channels/cli/migrate.ts'], {
    env: serviceEnv('/nonexistent', env),
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('npm run db:migrate', () => {
  it('is the migrate command', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> })
      .scripts;
    expect(scripts['db:migrate']).toContain('dist/src/channels/cli/migrate.js');
  });

  it('says what to set when DATABASE_URL is not set', async () => {
    const { code, stderr } = await migrate({ DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL is not set');
  });
});

describeIfPostgres('npm run db:migrate on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migrate');
  });
  afterAll(async () => db?.drop());

  it('migrates an empty database once, then has nothing to do', async () => {
    const first = await migrate({ DATABASE_URL: db.url });
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain(`applied migrations 1, 2; schema version ${POSTGRES_SCHEMA_VERSION}`);
    expect(first.stdout).not.toContain(':assistant_test@');
    const { rows } = await db.admin.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    const second = await migrate({ DATABASE_URL: db.url });
    expect(second.stdout).toContain(`schema already at version ${POSTGRES_SCHEMA_VERSION}, nothing to do`);
  });
});
