#!/usr/bin/env node
/**
 * `npm audit --omit=dev --audit-level=high`, for .ci/run: fails on any high or critical
 * advisory in the production dependencies, but only warns when the registry has no audit
 * endpoint at all (a mirror or proxy that answers 404, 405 or 501, which npm reports as
 * "audit endpoint returned an error"): there, no answer is not a clean bill of health,
 * and CI on GitHub (.github/workflows/ci.yml) still runs the real audit.
 * Exit codes: 0 clean (or no endpoint: warned), 1 advisories found, 2 audit could not run.
 */
import { spawnSync } from 'node:child_process';
import { plural } from '../src/lib/words.ts';

const ARGS = ['audit', '--omit=dev', '--audit-level=high'];
const NO_ENDPOINT = new Set([404, 405, 501]);
const github = process.env.GITHUB_ACTIONS === 'true';

const warn = (message: string) => console.warn(github ? `::warning title=npm audit::${message}` : `warning: ${message}`);
const fail = (message: string, code: number) => {
  console.error(github ? `::error title=npm audit::${message}` : `error: ${message}`);
  process.exit(code);
};

const run = spawnSync('npm', [...ARGS, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.error) fail(`could not run npm: ${run.error.message}`, 2);

interface AuditJson {
  statusCode?: number;
  message?: string;
  error?: { code?: string; summary?: string };
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { name: string; severity: string; via: unknown[]; fixAvailable?: unknown }>;
}

let report: AuditJson | undefined;
try {
  report = JSON.parse(run.stdout) as AuditJson;
} catch {
  report = undefined;
}
const output = `${run.stdout}\n${run.stderr}`;
const status = report?.statusCode ?? Number(/\b(40[0-9]|5\d\d) [A-Z][A-Za-z ]+ - (?:POST|GET) \S*audit/.exec(output)?.[1] ?? NaN);

if (report?.metadata?.vulnerabilities) {
  const counts = report.metadata.vulnerabilities;
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  if (high > 0) {
    const found = Object.values(report.vulnerabilities ?? {})
      .filter((v) => v.severity === 'high' || v.severity === 'critical')
      .map((v) => `${v.name} (${v.severity})`);
    // The readable report, as npm prints it.
    spawnSync('npm', ARGS, { stdio: 'inherit' });
    fail(`${plural(high, 'high or critical advisory', 'high or critical advisories')} in production dependencies: ${found.join(', ')}`, 1);
  }
  console.log(`npm audit: no high or critical advisory in production dependencies (${counts.total ?? 0} of lower severity).`);
  process.exit(0);
}

// npm says "audit endpoint returned an error" for any failed request; only these statuses
// mean that the endpoint does not exist (a server error or no network still fails).
if (NO_ENDPOINT.has(status)) {
  const endpoint = /(?:POST|GET) (\S+)/.exec(report?.message ?? output)?.[1] ?? 'the registry';
  warn(
    `no audit endpoint at ${endpoint} (HTTP ${status}): production dependencies were NOT audited on this machine; CI ` +
      `on GitHub audits them against registry.npmjs.org.`,
  );
  process.exit(0);
}

console.error(output.trim());
fail(`npm audit could not run${Number.isFinite(status) ? ` (HTTP ${status})` : ''}; see the output above`, 2);
