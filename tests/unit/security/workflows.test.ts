/**
 * CI builds contributors' files. A pull request from a fork must find nothing to steal:
 * read-only tokens, no credentials left in the checkout, and Pages rights only for the
 * deploy job on main.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  if?: string;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(readFileSync(join(ROOT, '.github/workflows', name), 'utf8')) as Workflow;
const writes = (permissions: Record<string, string> = {}) =>
  Object.entries(permissions)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => scope);

describe.each(['ci.yml', 'deploy.yml'])('.github/workflows/%s', (name) => {
  const flow = workflow(name);

  it('gives every job a read-only token unless it deploys', () => {
    expect(flow.permissions, 'a top-level permissions block, so that nothing inherits the repository default').toEqual({
      contents: 'read',
    });
    for (const [id, job] of Object.entries(flow.jobs)) {
      if (id !== 'deploy') expect(writes(job.permissions), `${name}: job ${id}`).toEqual([]);
    }
  });

  it('never leaves the token in the checkout', () => {
    for (const [id, job] of Object.entries(flow.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith('actions/checkout')) expect(step.with?.['persist-credentials'], `${name}: job ${id}`).toBe(false);
      }
    }
  });

  it("never runs pull requests with the base repository's secrets", () => {
    expect(Object.keys(flow.on)).not.toContain('pull_request_target');
    expect(Object.keys(flow.on)).not.toContain('workflow_run');
  });
});

describe('the deploy workflow', () => {
  const flow = workflow('deploy.yml');
  it('runs only for main, and only its deploy job may write to Pages', () => {
    expect(flow.on).not.toHaveProperty('pull_request');
    expect((flow.on.push as { branches: string[] }).branches).toEqual(['main']);
    expect(flow.jobs.deploy.if).toContain('refs/heads/main');
    expect(writes(flow.jobs.deploy.permissions).sort()).toEqual(['id-token', 'pages']);
  });
});

describe('the CI workflow', () => {
  const flow = workflow('ci.yml');
  it('answers editors first: a short content job (validate, build) before the long tests', () => {
    const content = flow.jobs.content as Job & { 'timeout-minutes'?: number; steps: Step[] };
    expect(content.steps.map((step) => step.run).filter(Boolean)).toEqual(['npm ci', 'npm run validate', 'npm run build']);
    expect(content['timeout-minutes']).toBeLessThanOrEqual(10);
    expect((flow.jobs.check as { needs?: string }).needs).toBe('content');
  });
});
