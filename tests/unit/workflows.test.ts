import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT_DIR } from '../support/paths';

/**
 * Issue #13: the GitHub workflows cannot run here, so what they promise is read from their
 * YAML: the systems, the Node version, and the steps in the order that tests what ships.
 */
interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  if?: string;
  strategy?: { 'fail-fast'?: boolean; matrix: { include?: Record<string, string>[]; os?: string[] } };
  steps: Step[];
}
const workflow = (name: string): { on: Record<string, unknown>; jobs: Record<string, Job> } =>
  parse(readFileSync(join(ROOT_DIR, '.github/workflows', name), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const text = (step: Step): string => `${step.name ?? ''} ${step.run ?? ''} ${step.uses ?? ''}`;
const indexOf = (steps: Step[], pattern: RegExp): number => steps.findIndex((step) => pattern.test(text(step)));

const release = workflow('release.yml');
const pullRequest = workflow('pull-request.yml');
const packaging = release.jobs.package!;

describe('the release workflow', () => {
  it('builds on macOS arm64 and x64 (each on its own runner), Windows x64 and Ubuntu 22.04 and 24.04, none stopping the others', () => {
    expect(packaging.strategy!['fail-fast']).toBe(false);
    const matrix = packaging.strategy!.matrix.include!.map(({ os, platform, arch }) => `${os} ${platform} ${arch}`);
    expect(matrix).toEqual(['macos-15 mac arm64', 'macos-15-intel mac x64', 'windows-2022 win x64', 'ubuntu-22.04 linux x64', 'ubuntu-24.04 linux x64']);
  });

  it('tests, rebuilds for Electron with the ABI check, packages without publishing, launches the packaged app, then uploads', () => {
    const steps = packaging.steps;
    const order = [/npm ci/, /npm test/, /npm run rebuild:electron/, /electron-builder .*--publish never/, /playwright test --project electron/, /upload-artifact/].map((step) => indexOf(steps, step));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(steps[indexOf(steps, /playwright test --project electron/)]!.run).toContain("'xvfb-run -a'");
    expect(steps.find((step) => /apparmor_restrict_unprivileged_userns=0/.test(step.run ?? ''))?.if).toBe("matrix.os == 'ubuntu-24.04'");
  });

  it('signs and notarises only with the usual secrets, and says so in the log when they are missing', () => {
    const packageStep = packaging.steps.find((step) => /electron-builder/.test(step.run ?? ''))!;
    expect(Object.keys(packageStep.env!).sort()).toEqual(['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_ID', 'APPLE_TEAM_ID', 'CSC_KEY_PASSWORD', 'CSC_LINK']);
    const signing = packaging.steps.find((step) => /Signing/.test(step.name ?? ''))!;
    expect(signing.run).toMatch(/No CSC_LINK secret: this build is not signed\./);
    expect(signing.run).toMatch(/CSC_IDENTITY_AUTO_DISCOVERY=false/);
    expect(signing.run).toMatch(/not notarised/);
  });

  it('makes a draft release of the artifacts on a version tag only', () => {
    expect(release.on).toHaveProperty('push.tags', ['v*']);
    const draft = release.jobs['draft-release']!;
    expect(draft.needs).toBe('package');
    expect(draft.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(draft.steps.some((step) => /gh release create .*--draft/.test(step.run ?? ''))).toBe(true);
  });
});

describe('the pull-request workflow', () => {
  it('runs npm test on Linux, macOS and Windows', () => {
    const job = pullRequest.jobs.test!;
    expect(job.strategy!.matrix.os).toEqual(['ubuntu-24.04', 'macos-15', 'windows-2022']);
    expect(job.strategy!['fail-fast']).toBe(false);
    expect(indexOf(job.steps, /npm test/)).toBeGreaterThan(indexOf(job.steps, /npm ci/));
  });
});

describe("the project's Node version", () => {
  const nvmrc = readFileSync(join(ROOT_DIR, '.nvmrc'), 'utf8').trim();
  const packageJson = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { engines: { node: string } };

  it('is the one in .nvmrc for every workflow, within engines, and the one the README names', () => {
    for (const job of [packaging, pullRequest.jobs.test!]) {
      expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    }
    const floor = /^>=(\d+)\.(\d+)$/.exec(packageJson.engines.node);
    expect(floor).not.toBeNull();
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(Number(floor![1]));
    const readme = readFileSync(join(ROOT_DIR, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${nvmrc}`);
    expect(readme).toContain(`Node.js ${packageJson.engines.node.slice(2)}`);
  });
});

describe('the README', () => {
  it('links only to files in the repository', () => {
    const readme = readFileSync(join(ROOT_DIR, 'README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) {
      expect(link, link).not.toMatch(/^[a-z]+:/i);
      expect(existsSync(join(ROOT_DIR, link.split('#')[0]!)), link).toBe(true);
    }
  });
});
