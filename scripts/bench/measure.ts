/**
 * Measuring a child process the way the benchmarks need it: wall-clock seconds and peak
 * memory, children included. Under GNU time (`/usr/bin/time -v`) when present, and always
 * sampling /proc meanwhile, so that there are two figures for memory:
 *
 *   - largest process: the peak resident set of the biggest single process in the tree
 *     (GNU time's "Maximum resident set size", which covers reaped children; without GNU
 *     time, the largest VmHWM seen in /proc/<pid>/status);
 *   - whole tree: the largest sum of VmRSS over the process and all its descendants at one
 *     sampling instant (every 100 ms), which counts helpers such as esbuild's service too.
 *
 * Also: a description of the machine, for the record in docs/benchmarks.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Measured {
  status: number | null;
  seconds: number;
  /** Peak resident set of the largest single process, in KiB. */
  largestKb: number;
  /** Peak of the summed resident sets of the whole tree (sampled), in KiB. */
  treeKb: number;
  /** CPU seconds, user and system, of the process and the children it waited for (GNU time); NaN without it. */
  userSeconds: number;
  systemSeconds: number;
  /** Where largestKb comes from. */
  memorySource: 'GNU time' | '/proc VmHWM';
  timedOut: boolean;
  output: string;
}

/** Every descendant of `root` (and root), from the parent ids in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs `command args…`, measuring time and memory; never throws on a failed command. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; logFile?: string } = {},
): Promise<Measured> {
  const withTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'time.txt');
  const started = performance.now();
  const child = withTime
    ? spawn(GNU_TIME, ['-v', '-o', timeFile, command, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // The whole output goes to logFile when asked (stage timings are read from it); the last 64 kB are kept in memory.
  const log = options.logFile ? createWriteStream(options.logFile) : undefined;
  const keep = (chunk: Buffer) => {
    log?.write(chunk);
    output = (output + chunk.toString('utf8')).slice(-64_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let treeKb = 0;
  let hwmKb = 0;
  const sample = () => {
    if (child.pid === undefined) return;
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      sum += statusKb(pid, 'VmRSS');
      hwmKb = Math.max(hwmKb, statusKb(pid, 'VmHWM'));
    }
    treeKb = Math.max(treeKb, sum);
  };
  const sampler = setInterval(sample, 100);
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        for (const pid of processTree(child.pid!).reverse()) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }, options.timeoutMs)
    : undefined;
  return new Promise((done) => {
    child.on('close', async (status) => {
      const seconds = (performance.now() - started) / 1000;
      if (log) await new Promise((closed) => log.end(closed));
      clearInterval(sampler);
      clearTimeout(timer);
      let largestKb = hwmKb;
      let userSeconds = Number.NaN;
      let systemSeconds = Number.NaN;
      if (withTime && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        if (match) largestKb = Number(match[1]);
        userSeconds = Number(/User time \(seconds\): ([\d.]+)/.exec(report)?.[1] ?? Number.NaN);
        systemSeconds = Number(/System time \(seconds\): ([\d.]+)/.exec(report)?.[1] ?? Number.NaN);
      }
      rmSync(scratch, { recursive: true, force: true });
      done({
        status,
        seconds,
        userSeconds,
        systemSeconds,
        largestKb,
        treeKb: Math.max(treeKb, largestKb),
        memorySource: withTime ? 'GNU time' : '/proc VmHWM',
        timedOut,
        output,
      });
    });
  });
}

/** The machine, as docs/benchmarks.md records it. */
export function machine(chromium?: string): Record<string, string> {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const info: Record<string, string> = {
    CPUs: `${availableParallelism()} (nproc) × ${model}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    Node: process.version,
    // Other work on the machine (1, 5, 15 minutes): figures on a loaded machine are slower.
    'load average': loadavg()
      .map((n) => n.toFixed(2))
      .join(', '),
  };
  if (chromium) {
    try {
      // Debian's wrapper script prints a harmless warning on stderr; the version is on stdout.
      info.Chromium = execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      info.Chromium = `${chromium} (version unknown)`;
    }
  }
  return info;
}

export function printMachine(chromium?: string) {
  console.log(
    Object.entries(machine(chromium))
      .map(([key, value]) => `  ${key}: ${value}`)
      .join('\n'),
  );
}

export const mb = (kb: number) => kb / 1024;
