import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';

/** The deployment's nginx example (README), as shipped. */
export const NGINX_SITE = path.resolve('deploy/nginx-veterans-assistant.conf');

export const NGINX_AVAILABLE = spawnSync('nginx', ['-v']).status === 0;

/**
 * `describe` for tests that need Debian's nginx: run when it is installed, and when CI is set (.ci/run
 * installs it) also when it is not — failing loudly, never skipped. Skipped with a message only on a
 * developer's machine without it.
 */
export const describeIfNginx = NGINX_AVAILABLE || process.env.CI ? describe : describe.skip;
if (!NGINX_AVAILABLE && !process.env.CI)
  process.stderr.write(
    '\n!! nginx tests SKIPPED: nginx is not installed (apt-get install nginx). CI never skips them.\n\n',
  );

/**
 * An nginx main configuration under `prefix` around `site` (the example's http-level blocks):
 * pid, logs and temporary files in the prefix, so it runs without root's directories.
 */
export function writeNginxConfig(prefix: string, site: string, extraHttp = ''): string {
  for (const dir of ['logs', 'tmp']) mkdirSync(path.join(prefix, dir), { recursive: true });
  // Workers may run as another user (nobody) when the test runs as root.
  chmodSync(path.join(prefix, 'tmp'), 0o777);
  writeFileSync(path.join(prefix, 'site.conf'), site);
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    `pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  ${extraHttp}
  include ${prefix}/site.conf;
}
`,
  );
  return conf;
}

/** `nginx -t` on the configuration: its exit code and what it said. */
export function checkNginxConfig(prefix: string, conf: string): { status: number | null; output: string } {
  const result = spawnSync('nginx', ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The example with the replicas' real ports and a loopback listen address (what the cluster test runs). */
export function siteFor(ports: { http: number[]; telegram: number[]; listen: number }): string {
  let site = readFileSync(NGINX_SITE, 'utf8');
  const replace = (from: string, to: string) => {
    if (!site.includes(from)) throw new Error(`${NGINX_SITE} no longer contains "${from}"`);
    site = site.replace(from, to);
  };
  replace('127.0.0.1:3001', `127.0.0.1:${ports.http[0]}`);
  replace('127.0.0.1:3002', `127.0.0.1:${ports.http[1]}`);
  replace('127.0.0.1:8441', `127.0.0.1:${ports.telegram[0]}`);
  replace('127.0.0.1:8442', `127.0.0.1:${ports.telegram[1]}`);
  replace('listen 80;', `listen 127.0.0.1:${ports.listen};`);
  return site;
}

/** Runs nginx in the foreground under `prefix`; resolves once it answers on `port`. */
export async function startNginx(
  prefix: string,
  site: string,
  port: number,
  extraHttp = '',
): Promise<ChildProcess> {
  const conf = writeNginxConfig(prefix, site, extraHttp);
  const child = spawn('nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    );
    if (up) return child;
    if (performance.now() - started > 10_000) throw new Error(`nginx did not answer within 10 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
