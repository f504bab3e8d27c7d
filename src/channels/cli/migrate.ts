import { loadConfig, loadDotEnv } from '../../config.js';
import { createLogger } from '../../logger.js';
import { migratePostgres, POSTGRES_SCHEMA_VERSION } from '../../storage/postgres/migrations.js';
import { createPool, describeDatabaseUrl, requireReachable } from '../../storage/postgres/pool.js';
import { runCli } from './runtime.js';

/**
 * `npm run db:migrate` brings the PostgreSQL schema in DATABASE_URL up to this release before the
 * replicas are restarted on it (each replica also migrates at start, under the same advisory lock,
 * so running it is optional but makes a failed migration an operator's message, not a replica that
 * will not start). The SQLite file needs no command: it migrates itself when opened.
 */
runCli(async () => {
  loadDotEnv();
  const config = loadConfig();
  if (config.database === undefined) {
    process.stderr.write(
      'DATABASE_URL is not set: db:migrate migrates a PostgreSQL database (set DATABASE_URL=postgres://user:password@host:5432/database). The SQLite file under DATA_DIR migrates itself at start.\n',
    );
    return 1;
  }
  const { url } = config.database;
  const pool = createPool(url, createLogger({ level: 'silent' }), { max: 1 });
  try {
    await requireReachable(pool, url);
    const applied = await migratePostgres(pool);
    const where = describeDatabaseUrl(url);
    process.stdout.write(
      applied.length > 0
        ? `${where}: applied migrations ${applied.join(', ')}; schema version ${POSTGRES_SCHEMA_VERSION}\n`
        : `${where}: schema already at version ${POSTGRES_SCHEMA_VERSION}, nothing to do\n`,
    );
    return 0;
  } finally {
    await pool.end();
  }
});
