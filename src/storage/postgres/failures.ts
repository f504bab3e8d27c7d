/**
 * PostgreSQL and network errors in a few words, for StoreHealth.problem (/healthz is public: no
 * addresses, no names). The words match the SQLite store's where the failure is the same.
 */
export function describePostgresFailure(error: unknown): string {
  const code = String((error as { code?: unknown }).code ?? '');
  const message = String((error as Error).message ?? '');
  if (code === '55P03' || code === '40P01') return 'the database is locked by another process';
  if (code === '25006') return 'the database is read-only';
  if (code === '53100') return 'the disk is full';
  if (code === '42P01' || code === '3D000') return 'the database was replaced or its tables are gone';
  if (code === '28P01' || code === '28000') return 'the database refused the login';
  if (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    /^(ECONN|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|EPIPE)/.test(code)
  )
    return 'the database cannot be reached';
  if (/timeout|terminat|not currently accepting connections|the database system is/i.test(message))
    return 'the database cannot be reached';
  return 'a database write failed';
}

/** What to do about a failure, for the log line and the StorageError (the operator reads it). */
export function adviceFor(problem: string): string {
  switch (problem) {
    case 'the database was replaced or its tables are gone':
      return 'The write was not stored. Restart the service to create the tables again (restore the database from a backup first if it was dropped by mistake).';
    case 'the database cannot be reached':
      return 'The write was not stored. Check that PostgreSQL runs and the network to it; the service reconnects by itself.';
    case 'the database is locked by another process':
      return 'The write was not stored. Another session holds a lock on the table (a migration, a long transaction, a backup tool): end it.';
    default:
      return 'The write was not stored.';
  }
}
