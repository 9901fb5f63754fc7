import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumSetup, findChromium, INSTALL_CHROMIUM } from '../../../scripts/lib/chromium.ts';

describe('chromiumSetup', () => {
  it('uses the Chromium that is there', () => {
    expect(chromiumSetup({ chromium: '/usr/bin/chromium', root: false })).toEqual({
      action: 'ready',
      executable: '/usr/bin/chromium',
    });
  });

  it('installs Debian’s chromium with apt-get when it runs as root, as .ci/run on a fresh container', () => {
    expect(chromiumSetup({ root: true, aptGet: '/usr/bin/apt-get' })).toEqual({
      action: 'install',
      commands: [
        ['/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('stops with the one line to run when it cannot install: not root, or no apt-get', () => {
    expect(chromiumSetup({ root: false, aptGet: '/usr/bin/apt-get' })).toEqual({
      action: 'stop',
      message: INSTALL_CHROMIUM,
    });
    expect(chromiumSetup({ root: true })).toEqual({ action: 'stop', message: INSTALL_CHROMIUM });
  });
});

describe('npm test on a machine without Chromium', () => {
  // A PATH with neither Chromium nor apt-get, whatever this machine has installed.
  const bare = mkdtempSync(join(tmpdir(), 'no-chromium-'));
  afterAll(() => rmSync(bare, { recursive: true, force: true }));

  it('finds Chromium on PATH or CHROMIUM_PATH only', () => {
    expect(findChromium({ PATH: bare })).toBeUndefined();
    expect(findChromium({ PATH: bare, CHROMIUM_PATH: '/opt/chrome' })).toBe('/opt/chrome');
    writeFileSync(join(bare, 'chromium-browser'), '#!/bin/sh\n');
    chmodSync(join(bare, 'chromium-browser'), 0o755);
    expect(findChromium({ PATH: `/nonexistent:${bare}` })).toBe(join(bare, 'chromium-browser'));
    rmSync(join(bare, 'chromium-browser'));
  });

  it('stops before any test with one line saying what to run', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, ['scripts/ensure-chromium.ts'], { env: { PATH: bare } }, (error, out, err) =>
        done({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }),
      ),
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${INSTALL_CHROMIUM}\n`);
    expect(stderr).toContain('sudo apt-get install -y chromium');
  });
});
