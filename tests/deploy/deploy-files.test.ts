import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkNginxConfig, describeIfNginx, NGINX_SITE, writeNginxConfig } from '../support/nginx.js';

const UNIT = path.resolve('deploy/veterans-assistant@.service');
const dirs: string[] = [];
const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), label));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeIfNginx('the README nginx example', () => {
  it('passes nginx -t as shipped', () => {
    const prefix = tempDir('va-nginx-');
    const { status, output } = checkNginxConfig(
      prefix,
      writeNginxConfig(prefix, readFileSync(NGINX_SITE, 'utf8')),
    );
    expect(output).toContain('test is successful');
    expect(status).toBe(0);
  });

  it('fails nginx -t when broken (the check can fail)', () => {
    const prefix = tempDir('va-nginx-bad-');
    const broken = readFileSync(NGINX_SITE, 'utf8').replace(
      'proxy_next_upstream_tries 2;',
      'proxy_next_upstream_tries;',
    );
    const { status, output } = checkNginxConfig(prefix, writeNginxConfig(prefix, broken));
    expect(status).not.toBe(0);
    expect(output).toContain('proxy_next_upstream_tries');
  });
});

/**
 * The systemd unit: `systemd-analyze verify` where systemd is installed (any warning fails), else a
 * parse check of its sections and the keys the README relies on.
 */
describe('the README systemd unit', () => {
  const unit = readFileSync(UNIT, 'utf8');

  it('has the sections and settings a replica needs', () => {
    const sections = new Map<string, Map<string, string[]>>();
    let current: Map<string, string[]> | undefined;
    for (const [i, raw] of unit.split('\n').entries()) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const section = /^\[(\w+)\]$/.exec(line);
      if (section) {
        current = new Map();
        sections.set(section[1]!, current);
        continue;
      }
      const pair = /^([A-Za-z]+)=(.*)$/.exec(line);
      if (!pair || !current) throw new Error(`${UNIT}:${i + 1}: not "Key=value" inside a section: ${raw}`);
      current.set(pair[1]!, [...(current.get(pair[1]!) ?? []), pair[2]!]);
    }
    expect([...sections.keys()]).toEqual(['Unit', 'Service', 'Install']);
    const service = sections.get('Service')!;
    expect(service.get('ExecStart')).toEqual(['/usr/bin/node dist/src/main.js']);
    expect(service.get('EnvironmentFile')).toEqual([
      '/etc/veterans-assistant/env',
      '/etc/veterans-assistant/replica-%i.env',
    ]);
    expect(service.get('KillSignal')).toEqual(['SIGTERM']);
    expect(sections.get('Install')!.get('WantedBy')).toEqual(['multi-user.target']);
  });

  const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
  it.skipIf(!analyze)('passes systemd-analyze verify without a warning', () => {
    const dir = tempDir('va-unit-');
    // verify checks that ExecStart's program exists: point it at this machine's node.
    writeFileSync(
      path.join(dir, 'veterans-assistant@.service'),
      unit.replace('/usr/bin/node', process.execPath),
    );
    const result = spawnSync('systemd-analyze', ['verify', path.join(dir, 'veterans-assistant@1.service')], {
      encoding: 'utf8',
      cwd: dir,
    });
    expect(result.stderr.trim()).toBe('');
    expect(result.status).toBe(0);
    // …and it does complain about a broken unit.
    copyFileSync(path.join(dir, 'veterans-assistant@.service'), path.join(dir, 'broken@.service'));
    writeFileSync(
      path.join(dir, 'broken@.service'),
      readFileSync(path.join(dir, 'broken@.service'), 'utf8').replace(
        'Restart=on-failure',
        'Restart=sometimes',
      ),
    );
    const broken = spawnSync('systemd-analyze', ['verify', path.join(dir, 'broken@1.service')], {
      encoding: 'utf8',
      cwd: dir,
    });
    expect(broken.stderr).toContain('sometimes');
  });
});
