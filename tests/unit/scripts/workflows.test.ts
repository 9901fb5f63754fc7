import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { steps as testSteps } from '../../../scripts/test';

interface WorkflowStep {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
type Permissions = Record<string, string> | string | undefined;
interface Job {
  steps: WorkflowStep[];
  needs?: string | string[];
  permissions?: Permissions;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((job) => job.steps);
const npmScripts = (command: string) => [...command.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]);

describe('GitHub Actions', () => {
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

  it('runs on every pull request exactly the scripts `npm test` runs, after the fast job', () => {
    const test = workflow('test.yml');
    expect(test.on).toHaveProperty('pull_request');
    const full = test.jobs.test!;
    const ran = full.steps.flatMap((step) => (step.run ? npmScripts(step.run) : []));
    expect(packageJson.scripts.test).toBe('node scripts/test.ts');
    expect(ran).toEqual(testSteps.flatMap((step) => npmScripts(step.command.join(' '))));
    expect(full.needs).toBe('fast');
  });

  it('gives fast feedback first: the changed pages checked, annotated, previewed and linked from the summary', () => {
    const fast = workflow('test.yml').jobs.fast!;
    const runs = fast.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toContain('npm run check -- --changed');
    expect(runs).toContain('npm run preview:pack');
    expect(packageJson.scripts['preview:pack']).toBe('tsx scripts/preview.ts');
    const upload = fast.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ name: 'preview', path: 'preview/' });
    const summary = fast.steps.find((step) => step.run?.includes('GITHUB_STEP_SUMMARY'));
    expect(summary?.env?.ARTIFACT_URL).toContain('steps.preview.outputs.artifact-url');
    expect(summary?.run).toContain('npx serve site');
    expect(fast.steps.find((step) => step.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({
      'fetch-depth': 0,
    });
  });

  it('holds no write token in the pull-request workflow, so forks get the same', () => {
    const test = workflow('test.yml');
    expect(test.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(test.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('gives the browser tests a Chromium and the full git history', () => {
    const test = workflow('test.yml').jobs.test!.steps;
    expect(test.some((step) => step.run?.includes('CHROMIUM_PATH='))).toBe(true);
    expect(test.find((step) => step.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({ 'fetch-depth': 0 });
  });

  it('deploys dist/ from main, built for the Pages origin and base path', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on).toMatchObject({ push: { branches: ['main'] } });
    const all = steps(deploy);
    const build = all.find((step) => step.run && npmScripts(step.run).includes('build'));
    expect(build?.env).toMatchObject({
      SITE_URL: expect.stringContaining('steps.pages.outputs.origin'),
      SITE_BASE: expect.stringContaining('steps.pages.outputs.base_path'),
      SITE_REPOSITORY: expect.stringContaining('github.repository'),
    });
    expect(all.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with).toEqual({
      path: 'dist/',
    });
    expect(all.some((step) => step.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('runs no note code where it holds rights: the deploy job only deploys what a rights-free job built and tested', () => {
    const deploy = workflow('deploy.yml');
    const writes = (permissions: Permissions) =>
      permissions === 'write-all' ||
      (typeof permissions === 'object' && Object.values(permissions).some((level) => level === 'write'));
    expect(writes(deploy.permissions)).toBe(false);
    const privileged = Object.entries(deploy.jobs).filter(([, job]) => writes(job.permissions));
    expect(privileged.map(([name]) => name)).toEqual(['deploy']);
    const [, deployJob] = privileged[0]!;
    // Nothing but the deploy action: no checkout, no npm, no run step.
    expect(deployJob.steps.map((step) => step.uses?.replace(/@.*/, '') ?? step.run)).toEqual(['actions/deploy-pages']);
    const builders = [deployJob.needs ?? []].flat();
    expect(builders).toHaveLength(1);
    const builder = deploy.jobs[builders[0]!]!;
    expect(writes(builder.permissions)).toBe(false);
    expect(builder.permissions).not.toHaveProperty('id-token');
    const ran = builder.steps.flatMap((step) =>
      step.run ? npmScripts(step.run).concat(/\bnpm test\b/.test(step.run) ? ['test'] : []) : [],
    );
    // The artifact's job ran every test, browser tests included, before building for Pages.
    expect(ran).toEqual(['test', 'build']);
    expect(builder.steps.some((step) => step.run?.includes('CHROMIUM_PATH='))).toBe(true);
    expect(builder.steps.at(-1)?.uses).toMatch(/^actions\/upload-pages-artifact@/);
  });
});
