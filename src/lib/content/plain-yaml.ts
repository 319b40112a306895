/**
 * A fast reading of the YAML that content files hold in practice, for `npm run validate`
 * and the build. The `yaml` package (frontmatter.ts) gives positions, plain-words messages
 * and the security checks, but it is the slowest step of a fresh validation; js-yaml, the
 * reader Astro itself runs on every file, is several times faster. So a file is read with
 * js-yaml first, and with the `yaml` package only when the two could disagree:
 *
 * - the text must be "plain": no comments, anchors, aliases, tags, merge keys, block
 *   scalars, directives or document markers, no tabs or control characters, keys that are
 *   plain words (screened here without parsing, conservatively: anything unusual fails);
 * - js-yaml reads it with no types at all (its failsafe schema), and every unquoted scalar
 *   is then typed by the `yaml` package's own YAML 1.2 core-schema rules, so `2016` is a
 *   number and `2017-05-05` or `NO` stay strings exactly as frontmatter.ts reads them;
 * - js-yaml must accept it, and the result must be a mapping whose keys are plain words.
 *
 * Anything else (and every file with a problem) is read by frontmatter.ts as before, which
 * also finds positions when a check needs one. tests/unit/security/yaml-agreement.test.ts
 * checks, on every content file and on generated YAML, that whatever is read here is read
 * the same by the `yaml` package, without an error, and is accepted by Astro's js-yaml.
 */
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import { Schema, isScalar } from 'yaml';

interface ScalarTag {
  default?: boolean | 'key';
  collection?: string;
  test?: RegExp;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

/** The core schema's implicit scalar types, in the order the `yaml` package tries them. */
const CORE_TAGS = (new Schema({ schema: 'core' }).tags as ScalarTag[]).filter((tag) => tag.default === true && !tag.collection && tag.test);

/** Thrown from js-yaml's listener when a scalar does not resolve cleanly: read the file slowly. */
class NotPlain extends Error {}

function resolvePlainScalar(value: string): unknown {
  const tag = CORE_TAGS.find((candidate) => candidate.test!.test(value));
  if (!tag) return value;
  let resolved = tag.resolve(
    value,
    () => {
      throw new NotPlain();
    },
    {},
  );
  // Booleans come wrapped, to keep how they were written; the data is the value.
  if (isScalar(resolved)) resolved = resolved.value;
  if (resolved !== null && typeof resolved === 'object') throw new NotPlain();
  return resolved;
}

/** js-yaml's parser state, as its listener sees it. */
interface ListenerState {
  kind: string | null;
  tag: string | null;
  result: unknown;
}

const OPTIONS = {
  schema: FAILSAFE_SCHEMA,
  // Every unquoted scalar ("?" tag in the failsafe schema) typed by the core schema.
  listener(event: string, state: ListenerState) {
    if (event === 'close' && state.kind === 'scalar' && state.tag === '?' && typeof state.result === 'string')
      state.result = resolvePlainScalar(state.result);
  },
};

/** Characters that never appear in a plain file: tabs, controls, byte-order marks, odd line breaks, lone CRs. */
const ODD_CHARACTERS = /[\u0000-\u0008\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF]|\r(?!\n)/;
/** A block key: indentation, "- " sequence entries, a plain-word key, a colon and a space or the end. */
const KEY_LINE = /^( *(?:- +)*)[A-Za-z][\w-]*:(?: +|$)/;
/** A sequence entry holding a value. */
const ITEM_LINE = /^( *(?:- +)*)- +(?=\S)/;
/** Characters that may not start an unquoted value here (YAML indicators, comments, merge keys). */
const NOT_PLAIN_START = new Set('#&*!|>%@`<?:,-'.split(''));
/** Keys of mappings as plain words, not a word the core schema reads as null or a boolean. */
const PLAIN_KEY = /^[A-Za-z][\w-]*$/;
const TYPED_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/**
 * True when `text` uses only the plain YAML screened for above. Conservative: a false
 * answer only means the slower, full reading.
 */
export function isPlainYaml(text: string): boolean {
  if (ODD_CHARACTERS.test(text) || !text.isWellFormed()) return false;
  let quote: '"' | "'" | undefined;
  let flow = 0;
  /** The next non-space character starts a value (a scalar, a quote, a flow collection). */
  let expectValue = false;
  /** A flow collection was just opened (so "]" or "}" makes it empty). */
  let opened = false;
  /** Inside an unquoted scalar. */
  let plain = false;
  /** Just after a closing quote or a flow collection: only a colon, a flow indicator or the end may follow. */
  let closed = false;
  /** When the last block line ended inside an unquoted scalar: the column a longer-indented line would continue it from. */
  let plainColumn = -1;
  /** The column of the key or entry of the current block line: a quote or a flow collection going on below must be indented further. */
  let blockColumn = 0;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    let i = 0;
    if (quote || flow > 0) {
      if (line.trim() !== '' && /^ */.exec(line)![0].length <= blockColumn) return false;
    } else {
      // A new line of a block: a key, or a sequence entry, and nothing else.
      if (/^(?:---|\.\.\.|%)/.test(line)) return false;
      if (line.trim() === '') continue;
      const indent = /^ */.exec(line)![0].length;
      if (plainColumn >= 0 && indent > plainColumn) return false; // could continue the scalar above
      const key = KEY_LINE.exec(line);
      const item = key ? undefined : ITEM_LINE.exec(line);
      if (!key && !item) return false;
      i = (key ?? item!)[0].length;
      plainColumn = key ? key[1].length : item![0].length - /- +$/.exec(item![0])![0].length;
      blockColumn = plainColumn;
      expectValue = true;
      plain = false;
      closed = false;
      opened = false;
    }
    for (; i < line.length; i++) {
      const char = line[i];
      if (quote === '"') {
        if (char === '\\') i++;
        else if (char === '"') {
          quote = undefined;
          closed = true;
        }
        continue;
      }
      if (quote === "'") {
        if (char === "'") {
          if (line[i + 1] === "'") i++;
          else {
            quote = undefined;
            closed = true;
          }
        }
        continue;
      }
      if (char === ' ') continue;
      if (closed) {
        closed = false;
        if (char === ':' && (line[i + 1] === ' ' || i + 1 === line.length)) expectValue = true;
        else if (flow > 0 && char === ',') expectValue = true;
        else if (flow > 0 && (char === ']' || char === '}')) {
          flow--;
          closed = true;
        } else return false;
        continue;
      }
      if (expectValue) {
        const justOpened = opened;
        opened = false;
        if (char === '"' || char === "'") {
          quote = char;
          expectValue = false;
        } else if (char === '[' || char === '{') {
          flow++;
          opened = true;
        } else if ((char === ']' || char === '}') && justOpened) {
          flow--;
          expectValue = false;
          closed = true;
        } else if (NOT_PLAIN_START.has(char) || char === '[' || char === ']' || char === '{' || char === '}') {
          // Comments, anchors, aliases, tags, block scalars, merge keys, empty entries.
          return false;
        } else {
          plain = true;
          expectValue = false;
        }
        continue;
      }
      if (plain) {
        if (char === '#' && line[i - 1] === ' ') return false;
        if (char === ':' && (line[i + 1] === ' ' || i + 1 === line.length || (flow > 0 && /[,[\]{}]/.test(line[i + 1])))) {
          plain = false;
          expectValue = true;
        } else if (flow > 0 && (char === ',' || char === ']' || char === '}')) {
          plain = false;
          if (char === ',') expectValue = true;
          else {
            flow--;
            closed = true;
          }
        } else if (flow > 0 && (char === '[' || char === '{')) {
          return false;
        }
        continue;
      }
      return false;
    }
    if (!quote && flow === 0 && !plain) plainColumn = -1;
  }
  return !quote && flow === 0;
}

/** Keys as plain words all the way down, and no value the slow reading would give otherwise. */
function hasPlainKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(hasPlainKeys);
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (!PLAIN_KEY.test(key) || TYPED_WORDS.has(key)) return false;
      if (!hasPlainKeys((value as Record<string, unknown>)[key])) return false;
    }
  }
  return true;
}

/**
 * The data of a plain YAML mapping, read fast; undefined when the text is not plain or not
 * a mapping, or js-yaml refuses it (then frontmatter.ts reads it, with its messages).
 */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  if (!isPlainYaml(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, OPTIONS);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !hasPlainKeys(data)) return undefined;
  return data as Record<string, unknown>;
}
