/**
 * Property tests of the content validator: whatever an editor (or an attacker) writes as
 * an event file, validateContent never throws, and every problem it reports names the
 * file, a field and a line, so that the editor can find it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../../src/lib/validate/validate-content.ts';
import { fieldRows, toEditorJsonSchema } from '../../../src/lib/schema/json-schema.ts';
import { EventFieldsSchema } from '../../../src/lib/schema/event.ts';
import * as vocab from '../../../src/lib/vocabulary.ts';
import { ROOT } from '../../helpers.ts';
import { VALID_EVENT, setField } from './event-fixture.ts';

const INCIDENT = 'macron-2017';
const EVENT_DIR = `src/content/events/${INCIDENT}`;
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'eit-fuzz-'));
  for (const dir of ['src/content/incidents', 'src/content/actors', EVENT_DIR]) mkdirSync(join(project, dir), { recursive: true });
  // A valid incident, and the one actor it names.
  copyFileSync(join(ROOT, `src/content/incidents/${INCIDENT}.mdx`), join(project, `src/content/incidents/${INCIDENT}.mdx`));
  copyFileSync(join(ROOT, 'src/content/actors/en-marche.yaml'), join(project, 'src/content/actors/en-marche.yaml'));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Writes one event file (and only that one), validates the project, and checks the report. */
function validateEvent(slug: string, source: string) {
  rmSync(join(project, EVENT_DIR), { recursive: true, force: true });
  mkdirSync(join(project, EVENT_DIR), { recursive: true });
  writeFileSync(join(project, EVENT_DIR, `${slug}.mdx`), source);
  const report = validateContent(project);
  for (const problem of report.problems) {
    const where = JSON.stringify(problem);
    expect(problem.file, where).toMatch(/^src\/content\/(events|incidents|actors)\/\S/);
    expect(problem.file, where).not.toMatch(/\.\.|\\/);
    expect(typeof problem.field, where).toBe('string');
    expect(problem.field.trim(), where).not.toBe('');
    expect(Number.isInteger(problem.line), where).toBe(true);
    expect(problem.line, where).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(problem.column), where).toBe(true);
    expect(problem.column, where).toBeGreaterThanOrEqual(1);
    expect(problem.message.trim(), where).not.toBe('');
  }
  // Only the fuzzed file can be wrong: the incident and actor are valid.
  for (const problem of report.problems) expect(problem.file).toBe(`${EVENT_DIR}/${slug}.mdx`);
  return report;
}

/** The top-level key a field path starts with ("sources[0].url" → "sources"). */
const topKey = (field: string) => field.split(/[.[]/)[0];

/**
 * After one field of a valid event changed: the event is accepted, or refused with at least
 * one problem; and every problem names that field (or a field inside it), except that a
 * changed kind may also be reported on the kind blocks it requires or forbids, and on `end`
 * (a blackout is a span, so it needs one).
 */
function expectProblemsAbout(report: ReturnType<typeof validateEvent>, field: string) {
  if (report.events.length === 0) expect(report.problems, `${field}: a refused event says why`).not.toEqual([]);
  const top = topKey(field);
  const named = top === 'kind' ? ['kind', 'end', ...vocab.EVENT_KINDS] : [top];
  for (const problem of report.problems)
    expect(named, `${field} changed, yet: ${JSON.stringify(problem)}`).toContain(topKey(problem.field));
}

/** Hundreds of validations per property: generous, so that a loaded machine does not fail them. */
const FUZZ_TIMEOUT = 180_000;

// ------------------------------------------------------------------ arbitraries

/** Text with any code point, including control characters, lone surrogates and RTL marks. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const tricky = fc.constantFrom(
  '',
  ' ',
  '~',
  'null',
  'yes',
  'NO',
  '0x1F',
  '1e3',
  '.inf',
  '-',
  '---',
  '...',
  '#',
  '&a',
  '*a',
  '!!str',
  '\t',
  '\u0000',
  '\uFEFF',
  '\u202E',
  '__proto__',
  'constructor',
  'javascript:alert(1)',
  '2017-05-05T20:35+02:00',
  '2017-02-30',
  '2999-01-01',
  'https://example.org/',
);
/** Every top-level field of an event, from the schema itself (a new field is fuzzed without a change here). */
const EVENT_KEYS = Object.keys(EventFieldsSchema.shape);
const NESTED_KEYS = [
  'id',
  'role',
  'title',
  'publisher',
  'url',
  'published',
  'language',
  'archived',
  'kind',
  'note',
  'speaker',
  'quote',
  'by',
  'to',
  'basis',
  'channel',
  'persona',
];
const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EVENT_KEYS, ...NESTED_KEYS) },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: tricky },
);
const vocabulary = fc.constantFrom(
  ...vocab.EVENT_KINDS,
  ...vocab.EVENT_STATUSES,
  ...vocab.ACTOR_ROLES,
  ...vocab.SOURCE_KINDS,
  'en',
  'fr',
  INCIDENT,
  'en-marche',
  `${INCIDENT}/other`,
);

const scalar = fc.oneof(
  anyText,
  tricky,
  vocabulary,
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15) }),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);

/** Nested values: objects with random keys, arrays (of arrays), scalars. */
const { value } = fc.letrec<{ value: unknown; object: Record<string, unknown>; array: unknown[] }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  array: fc.array(tie('value'), { maxLength: 4 }),
}));

/** A frontmatter object: mostly the event's own keys, with values of any shape. */
const frontmatter = fc.dictionary(key, value, { maxKeys: 12 });

/** A valid event, to mutate one field at a time. */
const VALID = VALID_EVENT;

const slug = fc.constantFrom('fuzzed', 'a', 'event-1');
const body = fc.oneof(
  fc.constant('Body text.\n'),
  anyText,
  fc.constantFrom('<Aside title="x">\nText\n</Aside>\n', '{1+1}\n', '<script>x</script>\n', '[x](javascript:alert(1))\n'),
);

function yamlOf(data: unknown): string {
  try {
    return stringify(data, { lineWidth: 0 });
  } catch {
    return String(data);
  }
}

// ------------------------------------------------------------------ properties

describe('validateContent(root) over random event files', () => {
  it(
    'never throws on random YAML text, and names the file, a field and a line for each problem',
    () => {
      fc.assert(
        fc.property(
          slug,
          fc.oneof(
            anyText,
            fc
              .array(fc.oneof(anyText, tricky, fc.constantFrom(':', '- ', '  ', '{', '[', '"', "'", '|', '>', '\n')), { maxLength: 30 })
              .map((parts) => parts.join('')),
          ),
          body,
          (name, yaml, text) => {
            validateEvent(name, `---\n${yaml}\n---\n${text}`);
          },
        ),
        // Found by this property: an alias without its anchor, and a "billion laughs" file.
        {
          numRuns: 150,
          examples: [
            ['fuzzed', '*a', ''],
            ['fuzzed', 'title: *x', ''],
            ['fuzzed', 'a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]', ''],
          ],
        },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'never throws on random objects written as frontmatter (random keys, dates, numbers, nulls, nested arrays, unicode)',
    () => {
      fc.assert(
        fc.property(slug, frontmatter, body, (name, data, text) => {
          validateEvent(name, `---\n${yamlOf(data)}---\n${text}`);
        }),
        // Found by this property: an empty key, and keys that print as nothing visible.
        {
          numRuns: 200,
          examples: [
            ['fuzzed', { '': 0 }, ''],
            ['fuzzed', { ' ': 'x', title: 'y' }, ''],
            ['fuzzed', { sources: [{ '\n': 1 }] }, ''],
          ],
        },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'never throws when one field of a valid event is replaced by anything, and names that field in each problem',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...EVENT_KEYS, ...NESTED_KEYS), value, (field, replacement) => {
          const report = validateEvent('mutated', `---\n${yamlOf({ ...VALID, [field]: replacement })}---\nBody.\n`);
          expectProblemsAbout(report, field);
        }),
        // Found by this property in CI: a kind that needs a field the valid event lacks.
        { numRuns: 200, examples: [['kind', 'blackout']] },
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'never throws on files without frontmatter, with a byte-order mark, CRLF line ends or a non-object document',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(
            '',
            '\uFEFF',
            '---\n',
            '---\r\n',
            '---\n---\n',
            '---\n- a\n- b\n---\n',
            '---\n42\n---\n',
            '---\n"text"\n---\n',
            '---\n~\n---\n',
            '---\n&a [*a]\n---\n',
          ),
          anyText,
          (prefix, rest) => {
            validateEvent('odd', `${prefix}${rest}`);
          },
        ),
        { numRuns: 100 },
      );
    },
    FUZZ_TIMEOUT,
  );

  it('accepts the valid event it mutates (so that the properties above test something)', () => {
    const report = validateEvent('valid', `---\n${yamlOf(VALID)}---\nBody.\n`);
    expect(report.problems).toEqual([]);
    expect(report.events.map((event) => event.id)).toEqual([`${INCIDENT}/valid`]);
  });
});

// ------------------------------------------------------------------ every field of the JSON Schema

/** A minimal valid block for each kind, so that a field inside any block can be fuzzed. */
const BLOCKS: Record<string, Record<string, unknown>> = {
  leak: { channel: 'A channel' },
  blackout: { legalBasis: 'A rule' },
  statement: { speaker: 'en-marche' },
  attribution: {
    by: 'en-marche',
    to: 'en-marche',
    basis: vocab.ATTRIBUTION_BASES[0],
    stance: vocab.ATTRIBUTION_STANCES[0],
    confidence: vocab.CONFIDENCE_WORDS[0],
  },
  denial: { by: 'en-marche' },
  legal: { authority: 'en-marche', action: vocab.LEGAL_ACTIONS[0] },
  election: {},
  hack: {},
  detection: {},
  amplification: {},
};

/** A valid event of the kind whose block holds `field` ("attribution.by" → an attribution). */
function validEventFor(field: string): Record<string, unknown> {
  const kind = field.split(/[.[]/)[0];
  if (!(kind in BLOCKS)) return structuredClone(VALID);
  const { statement: _statement, ...rest } = structuredClone(VALID);
  return { ...rest, kind, [kind]: structuredClone(BLOCKS[kind]), ...(kind === 'blackout' ? { end: '2017-05-06T23:59+02:00' } : {}) };
}

const EVENT_FIELDS = fieldRows(toEditorJsonSchema('event')).map((row) => row.field);

describe('validateContent(root) over every field of the event JSON Schema', () => {
  it('covers nested fields of every kind block (so that the fuzzing reaches them)', () => {
    expect(EVENT_FIELDS).toEqual(
      expect.arrayContaining(['sources[].url', 'attribution.confidence', 'leak.channel', 'legal.reference', 'actors[].role']),
    );
    for (const field of ['leak.channel', 'attribution.by', 'sources[].archived']) {
      expect(validateEvent('base', `---\n${yamlOf(validEventFor(field))}---\nBody.\n`).problems, field).toEqual([]);
    }
  });

  it.each(EVENT_FIELDS.map((field) => [field]))(
    'never throws, and names the file and that field, whatever %s holds',
    (field) => {
      fc.assert(
        fc.property(value, (replacement) => {
          const report = validateEvent('field', `---\n${yamlOf(setField(validEventFor(field), field, replacement))}---\nBody.\n`);
          expectProblemsAbout(report, field);
        }),
        { numRuns: 12 },
      );
    },
    FUZZ_TIMEOUT,
  );
});
