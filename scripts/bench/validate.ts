/**
 * The editor's loop: CPU time of `npm run validate` on the bundled content and on synthetic
 * content of growing size, beyond Node's own start (`node -e 0`), beside the budgets:
 * ≤ 0.5 s on the bundled content, ≤ 2 ms per event at 5,000. It runs what `npm run validate`
 * runs (package.json's script: scripts/validate.mjs, the bundled validator, with its Node
 * flags): on the bundled content both the editor's loop (files unchanged since the last run
 * are remembered) and every file read afresh (--no-cache, as in CI); the synthetic sizes afresh.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticContent } from './synthetic.ts';

export const VALIDATE_BUDGETS = { bundledCpuMs: 500, perEventMs: 2 };

/** User + system CPU milliseconds of one command, read by GNU time. */
function cpuMs(args: string[], cwd: string): number {
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', CI: '' },
  });
  const [user, system] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return (user + system) * 1000;
}

/** Median of three runs: the machine may be busy. */
function medianCpuMs(args: string[], cwd: string): number {
  const runs = [0, 1, 2].map(() => cpuMs(args, cwd)).sort((a, b) => a - b);
  return runs[1];
}

/** What `npm run validate` runs after `node` (package.json's script: its flags and file), so that the bench runs the same. */
function validateArgs(root: string): string[] {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.validate;
  const [node, ...args] = script.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`package.json's validate script does not start with node: ${script}`);
  return args.map((arg) => (arg.startsWith('-') ? arg : join(root, arg)));
}

export async function benchValidate(root: string, sizes: number[]) {
  const node = medianCpuMs(['-e', '0'], root);
  const validate = validateArgs(root);
  cpuMs(validate, root); // builds the bundle if a source changed, and remembers the files that pass
  console.log("npm run validate, CPU time beyond Node's start (median of 3):");
  console.log(`  Node's start (node -e 0): ${node.toFixed(0)} ms`);
  const fresh = medianCpuMs([...validate, '--no-cache'], root) - node;
  console.log(
    `  bundled content, every file read (--no-cache, as in CI): ${fresh.toFixed(0)} ms (budget ` +
      `${VALIDATE_BUDGETS.bundledCpuMs} ms)${fresh <= VALIDATE_BUDGETS.bundledCpuMs ? '' : '  OVER'}`,
  );
  const bundled = medianCpuMs(validate, root) - node;
  console.log(
    `  bundled content, the editor's loop (unchanged files remembered): ${bundled.toFixed(0)} ms (budget ` +
      `${VALIDATE_BUDGETS.bundledCpuMs} ms)${bundled <= VALIDATE_BUDGETS.bundledCpuMs ? '' : '  OVER'}`,
  );
  for (const size of sizes) {
    const dir = join(root, 'tests/.tmp/bench', `validate-${size}`);
    writeSyntheticContent(join(dir, 'src/content'), size);
    const ms = medianCpuMs([...validate, dir, '--no-cache'], root) - node;
    const perEvent = ms / size;
    console.log(
      `  ${size.toLocaleString('en')} synthetic events: ${ms.toFixed(0)} ms, ${perEvent.toFixed(2)} ms per event ` +
        `(budget ${VALIDATE_BUDGETS.perEventMs} ms)${perEvent <= VALIDATE_BUDGETS.perEventMs ? '' : '  OVER'}`,
    );
  }
}
