import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chromiumSetup,
  findChromium,
  findFullChromium,
  installInstruction,
  missingTestPackages,
} from '../../../scripts/lib/chromium.ts';

describe('chromiumSetup', () => {
  it('does nothing when every package is there', () => {
    expect(chromiumSetup({ missing: [], root: false })).toEqual({ action: 'ready' });
  });

  it('installs Debian’s chromium-headless-shell with apt-get when it runs as root, as .ci/run on a fresh container', () => {
    expect(
      chromiumSetup({ missing: ['chromium-headless-shell', 'poppler-utils'], root: true, aptGet: '/usr/bin/apt-get' }),
    ).toEqual({
      action: 'install',
      commands: [
        ['/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/apt-get', 'install', '-y', '-qq', 'chromium-headless-shell', 'poppler-utils'],
      ],
    });
  });

  it('runs on a full Chromium, and says it is slower, when only the shell is missing and cannot be installed', () => {
    const slower = `The browser tests run on /usr/bin/chromium, which takes them about twice as long: ${installInstruction(['chromium-headless-shell'])}`;
    expect(
      chromiumSetup({ missing: ['chromium-headless-shell'], root: false, fullChromium: '/usr/bin/chromium' }),
    ).toEqual({ action: 'ready', slower });
    // As root it still tries to install the shell first.
    expect(
      chromiumSetup({
        missing: ['chromium-headless-shell'],
        root: true,
        aptGet: '/usr/bin/apt-get',
        fullChromium: '/usr/bin/chromium',
      }),
    ).toEqual({
      action: 'install',
      commands: [
        ['/usr/bin/apt-get', 'update', '-qq'],
        ['/usr/bin/apt-get', 'install', '-y', '-qq', 'chromium-headless-shell'],
      ],
    });
    // A full Chromium does not stand in for pdftotext.
    expect(
      chromiumSetup({
        missing: ['chromium-headless-shell', 'poppler-utils'],
        root: false,
        fullChromium: '/usr/bin/chromium',
      }),
    ).toEqual({ action: 'stop', message: installInstruction(['chromium-headless-shell', 'poppler-utils']) });
  });

  it('stops with the one line to run when it cannot install: not root, or no apt-get', () => {
    expect(chromiumSetup({ missing: ['chromium-headless-shell'], root: false, aptGet: '/usr/bin/apt-get' })).toEqual({
      action: 'stop',
      message: installInstruction(['chromium-headless-shell']),
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

  const program = (name: string, body = '') => {
    writeFileSync(join(bare, name), `#!/bin/sh\n${body}`);
    chmodSync(join(bare, name), 0o755);
  };
  const ensureChromium = () =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) =>
      execFile(process.execPath, ['scripts/ensure-chromium.ts'], { env: { PATH: bare } }, (error, out, err) =>
        done({ code: error ? Number(error.code) : 0, stdout: out, stderr: err }),
      ),
    );

  it('finds Chromium on PATH or CHROMIUM_PATH only, the headless shell first', () => {
    expect(findChromium({ PATH: bare })).toBeUndefined();
    expect(missingTestPackages({ PATH: bare })).toEqual(['chromium-headless-shell', 'poppler-utils']);
    expect(findChromium({ PATH: bare, CHROMIUM_PATH: '/opt/chrome' })).toBe('/opt/chrome');
    expect(missingTestPackages({ PATH: bare, CHROMIUM_PATH: '/opt/chrome' })).toEqual(['poppler-utils']);
    program('chromium-browser');
    expect(findChromium({ PATH: `/nonexistent:${bare}` })).toBe(join(bare, 'chromium-browser'));
    expect(findFullChromium({ PATH: bare })).toBe(join(bare, 'chromium-browser'));
    // A full Chromium runs the tests, but the shell is still what they ask for.
    expect(missingTestPackages({ PATH: bare })).toEqual(['chromium-headless-shell', 'poppler-utils']);
    program('chromium-headless-shell');
    expect(findChromium({ PATH: bare })).toBe(join(bare, 'chromium-headless-shell'));
    expect(missingTestPackages({ PATH: bare })).toEqual(['poppler-utils']);
    rmSync(join(bare, 'chromium-browser'));
    rmSync(join(bare, 'chromium-headless-shell'));
  });

  it('stops before any test with one line saying what to run', async () => {
    const { code, stdout, stderr } = await ensureChromium();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${installInstruction(['chromium-headless-shell', 'poppler-utils'])}\n`);
    expect(stderr).toContain('sudo apt-get install -y chromium-headless-shell poppler-utils');
  });

  it('goes on with the full Chromium, saying so, when the shell cannot be installed (apt-get fails, or not root)', async () => {
    program('chromium');
    program('pdftotext');
    program('apt-get', 'echo "E: Unable to locate package" >&2\nexit 100\n');
    try {
      const { code, stderr } = await ensureChromium();
      expect(code, stderr).toBe(0);
      expect(stderr).toContain(
        `The browser tests run on ${join(bare, 'chromium')}, which takes them about twice as long: ${installInstruction(['chromium-headless-shell'])}`,
      );
    } finally {
      for (const name of ['chromium', 'pdftotext', 'apt-get']) rmSync(join(bare, name));
    }
  });
});
