import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumSetup, findChromium, installInstruction, missingTestPackages } from '../../../scripts/lib/chromium.ts';

describe('chromiumSetup', () => {
  it('does nothing when every package is there', () => {
    expect(chromiumSetup({ missing: [], root: false })).toEqual({ action: 'ready' });
  });

  it('installs Debian’s chromium with apt-get when it runs as root, as .ci/run on a fresh container', () => {
    expect(chromiumSetup({ missing: ['chromium', 'poppler-utils'], root: true, aptGet: '/usr/bin/apt-get' })).toEqual({
      action: 'install',
      commands: [
        ['/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/apt-get', 'install', '-y', '-qq', 'chromium', 'poppler-utils'],
      ],
    });
  });

  it('stops with the one line to run when it cannot install: not root, or no apt-get', () => {
    expect(chromiumSetup({ missing: ['chromium'], root: false, aptGet: '/usr/bin/apt-get' })).toEqual({
      action: 'stop',
      message: installInstruction(['chromium']),
    });
    expect(chromiumSetup({ missing: ['poppler-utils'], root: true })).toEqual({
      action: 'stop',
      message: installInstruction(['poppler-utils']),
    });
  });
});

describe('npm test on a machine without Chromium', () => {
  // A PATH with neither Chromium nor apt-get, whatever this machine has installed.
  const bare = mkdtempSync(join(tmpdir(), 'no-chromium-'));
  afterAll(() => rmSync(bare, { recursive: true, force: true }));

  it('finds Chromium on PATH or CHROMIUM_PATH only', () => {
    expect(findChromium({ PATH: bare })).toBeUndefined();
    expect(missingTestPackages({ PATH: bare })).toEqual(['chromium', 'poppler-utils']);
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
    expect(stderr).toBe(`${installInstruction(['chromium', 'poppler-utils'])}\n`);
    expect(stderr).toContain('sudo apt-get install -y chromium poppler-utils');
  });
});
