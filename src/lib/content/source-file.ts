/**
 * Reads one content file as contributors' data: a regular file, of a sane size, in UTF-8.
 * The validator and the build's loader both read through here, so that a file the
 * validator refuses can never reach the build in another form (a lossy decoding, a
 * symlink to a file outside the repository, a FIFO that blocks the build).
 */
import { lstatSync, readFileSync } from 'node:fs';
import type { Position } from './frontmatter.ts';

/** Largest content file accepted, in bytes: ten times the longest event today. */
export const MAX_FILE_BYTES = 100_000;

/** A content file's text, or why it cannot be read as one. */
export type SourceResult = { ok: true; text: string } | { ok: false; position: Position; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads `path` if it is a regular UTF-8 file of at most MAX_FILE_BYTES. Never throws. */
export function readContentSource(path: string): SourceResult {
  const start = { line: 1, column: 1 };
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(path);
  } catch (error) {
    return { ok: false, position: start, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (stats.isSymbolicLink())
    return { ok: false, position: start, message: 'is a symbolic link; content must be a plain file in the repository' };
  if (!stats.isFile()) return { ok: false, position: start, message: 'is not a plain file (a device, a pipe or a socket); remove it' };
  if (stats.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      position: start,
      message: `is ${stats.size.toLocaleString('en')} bytes; a content file may hold at most ${MAX_FILE_BYTES.toLocaleString('en')}`,
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, position: start, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return {
      ok: false,
      position: firstInvalidUtf8(bytes),
      message: 'is not UTF-8 text; save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
    };
  }
}

/** Line and column of the first byte that is not valid UTF-8 (the editor's cursor target). */
function firstInvalidUtf8(bytes: Buffer): Position {
  let low = 0;
  let high = bytes.length;
  // The longest prefix that decodes: decoding is monotone in the prefix length, up to a
  // sequence cut in the middle, which `stream: true` tolerates.
  const decodes = (end: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (decodes(middle)) low = middle;
    else high = middle - 1;
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, low));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
