import { statSync } from 'node:fs';

/**
 * Notices when the database file is deleted or replaced under a running service. SQLite keeps
 * writing to the file it opened, so without this a deleted database would take every later write
 * (and acknowledge it) into a file nobody can reach, and they would be gone at the next start.
 */
export interface FileIdentity {
  /** Undefined while the path still names the file that was opened; otherwise what happened. */
  problem(): string | undefined;
}

export function watchFileIdentity(path: string): FileIdentity {
  const opened = statSync(path);
  return {
    problem() {
      const now = statSync(path, { throwIfNoEntry: false });
      if (!now) return 'the database file was deleted while the service was running';
      if (now.ino !== opened.ino || now.dev !== opened.dev)
        return 'the database file was replaced while the service was running';
      return undefined;
    },
  };
}
