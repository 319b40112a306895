/**
 * The one adapter between the build and git: runs `git log` once over the content folder
 * and hands the output to the pure parser (src/lib/reach/git-log.ts). No git, no repository,
 * or a shallow clone (whose history is cut short and would show a wrong "first" change) all
 * give `available: false`, so that pages say "history unavailable"; the build never fails here.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { CONTENT_DIR } from '../lib/content/layout.ts';
import { corrections, gitLogArgs, historyByFile, parseGitLog, type Commit, type Correction } from '../lib/reach/git-log.ts';

export type History = { available: true; byFile: Map<string, Commit[]>; corrections: Correction[] } | { available: false; reason: string };

const git = (root: string, args: string[]) =>
  execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 60_000,
  });

/** The history of the content files of the repository at `root` (read each time: tests use temporary repositories). */
export function readHistory(root: string, contentDir = CONTENT_DIR): History {
  try {
    if (git(root, ['rev-parse', '--is-inside-work-tree']).trim() !== 'true') return { available: false, reason: 'not a git work tree' };
    if (git(root, ['rev-parse', '--is-shallow-repository']).trim() !== 'false') return { available: false, reason: 'shallow clone' };
    const marker = randomBytes(12).toString('hex');
    const commits = parseGitLog(git(root, gitLogArgs(marker, [contentDir])), marker);
    return { available: true, byFile: historyByFile(commits), corrections: corrections(commits, contentDir) };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

let cached: History | undefined;

/** The build's history, read once per build from the project's own folder. */
export function siteHistory(): History {
  cached ??= readHistory(process.cwd());
  return cached;
}
