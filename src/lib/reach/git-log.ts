/**
 * The project's history as data: one parser for the output of the `git log` command that
 * `gitLogArgs()` builds. Commit messages are data from strangers: they are kept as plain
 * strings (pages escape them like any text), and a message cannot forge a commit record,
 * because records are delimited with a random marker chosen for each run.
 */
import { CONTENT_DIR } from '../content/layout.ts';

/** One commit of the content history: hash, date, subject, trailers and files changed. */
export interface Commit {
  hash: string;
  /** Committer date, ISO 8601 with offset. */
  date: string;
  subject: string;
  /** Trailers of the message's last paragraph ("Correction: …"), keys as written. */
  trailers: { key: string; value: string }[];
  /** Files the commit changed, relative to the repository root. */
  files: string[];
}

/** A commit marked with a "Correction:" trailer: its hash, date, subject and correction text. */
export interface Correction {
  hash: string;
  date: string;
  subject: string;
  /** The text after "Correction:". */
  correction: string;
  files: string[];
  /** Events whose files (or translations) the commit changed. */
  eventIds: string[];
}

const RECORD = '\x1e';
const UNIT = '\x1f';

/** The arguments of `git log` whose output parseGitLog reads, for the files under `paths`. */
export function gitLogArgs(marker: string, paths: string[]): string[] {
  return ['log', '--no-color', '--no-renames', '--name-only', `--format=${'%x1e'}${marker}%H%x1f%cI%x1f%B%x1f${marker}`, '--', ...paths];
}

/** Trailers ("Key: value") of the last paragraph of a message, when every line of it is one. */
export function parseTrailers(message: string): { key: string; value: string }[] {
  const paragraphs = message
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/);
  if (paragraphs.length < 2) return [];
  const lines = paragraphs.at(-1)!.split('\n');
  const trailers: { key: string; value: string }[] = [];
  for (const line of lines) {
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*\S)\s*$/.exec(line);
    if (match) trailers.push({ key: match[1], value: match[2] });
    else if (/^\s+\S/.test(line) && trailers.length)
      trailers.at(-1)!.value += ` ${line.trim()}`; // folded continuation
    else return [];
  }
  return trailers;
}

// Control characters other than tab are dropped from what a page shows.
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '').trim();

/** Commits from `git log` output made with gitLogArgs(marker, …); malformed records are skipped. */
export function parseGitLog(output: string, marker: string): Commit[] {
  if (!/^[0-9a-f]{16,}$/.test(marker)) throw new Error('the record marker must be at least 16 hex digits');
  const commits: Commit[] = [];
  for (const chunk of output.split(`${RECORD}${marker}`).slice(1)) {
    const end = chunk.lastIndexOf(`${UNIT}${marker}`);
    if (end < 0) continue;
    const head = chunk.slice(0, end);
    const first = head.indexOf(UNIT);
    const second = head.indexOf(UNIT, first + 1);
    if (first < 0 || second < 0) continue;
    const hash = head.slice(0, first);
    const date = head.slice(first + 1, second);
    const message = head.slice(second + 1);
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hash) || Number.isNaN(Date.parse(date))) continue;
    const files = chunk
      .slice(end + marker.length + 1)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    commits.push({
      hash,
      date,
      subject: clean(message.split('\n')[0] ?? ''),
      trailers: parseTrailers(message).map(({ key, value }) => ({ key, value: clean(value) })),
      files,
    });
  }
  return commits;
}

/** The event an event file (or its translation, "<slug>.fr.mdx") holds, or undefined. */
export function eventIdOfFile(file: string, contentDir = CONTENT_DIR): string | undefined {
  const match = new RegExp(
    `^${contentDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/events/([a-z0-9-]+)/([a-z0-9-]+)(?:\\.[a-z]{2})?\\.mdx$`,
  ).exec(file);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** Commits per file, newest first (as git log lists them). */
export function historyByFile(commits: readonly Commit[]): Map<string, Commit[]> {
  const byFile = new Map<string, Commit[]>();
  for (const commit of commits) {
    for (const file of commit.files) {
      const list = byFile.get(file) ?? [];
      list.push(commit);
      byFile.set(file, list);
    }
  }
  return byFile;
}

/** Commits marked with a "Correction:" trailer (any case) that touch content, newest first. */
export function corrections(commits: readonly Commit[], contentDir = CONTENT_DIR): Correction[] {
  const out: Correction[] = [];
  for (const commit of commits) {
    const trailer = commit.trailers.find((t) => t.key.toLowerCase() === 'correction');
    if (!trailer) continue;
    const files = commit.files.filter((f) => f.startsWith(`${contentDir}/`));
    if (!files.length) continue;
    const eventIds = [...new Set(files.map((f) => eventIdOfFile(f, contentDir)).filter((id) => id !== undefined))];
    out.push({ hash: commit.hash, date: commit.date, subject: commit.subject, correction: trailer.value, files, eventIds });
  }
  return out;
}
