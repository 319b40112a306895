/** The history parser: commits, files and "Correction:" trailers from git log output; messages cannot forge records. */
import { describe, expect, it } from 'vitest';
import { corrections, eventIdOfFile, gitLogArgs, historyByFile, parseGitLog, parseTrailers } from '../../../src/lib/reach/git-log.ts';

const MARKER = '0123456789abcdef01234567';
const H1 = 'a'.repeat(40);
const H2 = 'b'.repeat(40);
const record = (hash: string, date: string, message: string, files: string[]) =>
  `\x1e${MARKER}${hash}\x1f${date}\x1f${message}\x1f${MARKER}\n\n${files.join('\n')}\n`;

describe('parseGitLog', () => {
  it('reads hash, date, subject, trailers and files of each commit', () => {
    const output = [
      record(
        H1,
        '2026-12-01T10:00:00+01:00',
        'Fix the date of the leak\n\nThe post was on Friday.\n\nCorrection: the leak was posted on 5 May, not 6 ' +
          'May\nSigned-off-by: A <a@example.org>\n',
        ['src/content/events/macron-2017/emleaks-posted.mdx', 'README.md'],
      ),
      record(H2, '2026-11-30T09:00:00Z', 'Add an event\n', ['src/content/events/dnc-2016/x.mdx']),
    ].join('');
    const commits = parseGitLog(output, MARKER);
    expect(commits).toHaveLength(2);
    expect(commits[0]).toMatchObject({
      hash: H1,
      date: '2026-12-01T10:00:00+01:00',
      subject: 'Fix the date of the leak',
      files: ['src/content/events/macron-2017/emleaks-posted.mdx', 'README.md'],
    });
    expect(commits[0].trailers).toEqual([
      { key: 'Correction', value: 'the leak was posted on 5 May, not 6 May' },
      { key: 'Signed-off-by', value: 'A <a@example.org>' },
    ]);
    expect(commits[1].trailers).toEqual([]);
    const list = corrections(commits);
    expect(list).toEqual([
      {
        hash: H1,
        date: '2026-12-01T10:00:00+01:00',
        subject: 'Fix the date of the leak',
        correction: 'the leak was posted on 5 May, not 6 May',
        files: ['src/content/events/macron-2017/emleaks-posted.mdx'],
        eventIds: ['macron-2017/emleaks-posted'],
      },
    ]);
    expect(
      historyByFile(commits)
        .get('src/content/events/dnc-2016/x.mdx')!
        .map((c) => c.hash),
    ).toEqual([H2]);
  });

  it("cannot be fooled by a message that imitates a record without the run's marker", () => {
    const forged =
      `Innocent\n\n\x1e${'f'.repeat(24)}${'c'.repeat(40)}\x1f2030-01-01T00:00:00Z\x1fForged\x1f${'f'.repeat(24)}\n\nsrc/` +
      `content/events/a/b.mdx`;
    const commits = parseGitLog(record(H1, '2026-12-01T10:00:00Z', forged, ['src/content/events/dnc-2016/x.mdx']), MARKER);
    expect(commits.map((c) => c.hash)).toEqual([H1]);
    expect(commits[0].files).toEqual(['src/content/events/dnc-2016/x.mdx']);
    expect(commits[0].subject).toBe('Innocent');
  });

  it('drops control characters and skips malformed records; keeps markup as plain text', () => {
    const output =
      record('not-a-hash', '2026-12-01', 'x', []) +
      record(H1, 'yesterday', 'x', []) +
      record(H2, '2026-12-01T00:00:00Z', '<img src=x onerror=alert(1)>\u0007 bell', ['f']);
    const commits = parseGitLog(output, MARKER);
    expect(commits.map((c) => c.hash)).toEqual([H2]);
    expect(commits[0].subject).toBe('<img src=x onerror=alert(1)> bell');
  });

  it('builds arguments that delimit records with the marker, and wants a long marker', () => {
    expect(gitLogArgs(MARKER, ['src/content']).join(' ')).toContain(`--format=%x1e${MARKER}%H%x1f%cI%x1f%B%x1f${MARKER}`);
    expect(() => parseGitLog('', 'short')).toThrow(/marker/);
  });
});

describe('parseTrailers and eventIdOfFile', () => {
  it('reads trailers only from a last paragraph made of them', () => {
    expect(parseTrailers('Subject\n\nCorrection: x')).toEqual([{ key: 'Correction', value: 'x' }]);
    expect(parseTrailers('Subject\n\nCorrection: x\nnot a trailer')).toEqual([]);
    expect(parseTrailers('Correction: only a subject')).toEqual([]);
    expect(parseTrailers('S\n\ncorrection: lower case\n  folded on')).toEqual([{ key: 'correction', value: 'lower case folded on' }]);
  });

  it('maps event files and their translations to event ids', () => {
    expect(eventIdOfFile('src/content/events/dnc-2016/a-b.mdx')).toBe('dnc-2016/a-b');
    expect(eventIdOfFile('src/content/events/dnc-2016/a-b.fr.mdx')).toBe('dnc-2016/a-b');
    expect(eventIdOfFile('src/content/incidents/dnc-2016.mdx')).toBeUndefined();
  });
});
