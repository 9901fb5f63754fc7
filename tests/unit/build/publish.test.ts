import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { publish } from '../../../src/build/publish';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function site(root: string, name: string, text: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
  return dir;
}

it('replaces the target with the staged build and removes the old one', () => {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  roots.push(root);
  const target = site(root, 'dist', 'old');
  const staged = site(root, 'staging', 'new');
  publish(staged, target, join(root, 'aside'));
  expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
  expect(existsSync(staged)).toBe(false);
  expect(existsSync(join(root, 'aside'))).toBe(false);
});

it('puts the previous site back when the new one cannot be moved in', () => {
  const root = mkdtempSync(join(tmpdir(), 'publish-'));
  roots.push(root);
  const target = site(root, 'dist', 'old');
  expect(() => publish(join(root, 'missing'), target, join(root, 'aside'))).toThrow();
  expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
});
