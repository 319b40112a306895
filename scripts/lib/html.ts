/**
 * A small reader of the HTML that Astro writes: start and end tags with their attributes,
 * skipping comments and the text of <script>, <style>, <textarea> and <title>. Enough to
 * check built pages (links, ids, scripts, styles) without an HTML parser dependency; not
 * a general HTML parser.
 */

export interface Tag {
  /** Lowercase tag name ("a", "script", "timeline-chart"). */
  name: string;
  /** Attribute values, entities decoded; an attribute without a value is "". */
  attrs: Record<string, string>;
  /** True for an end tag (</a>). */
  closing: boolean;
  /** True for <tag />. */
  selfClosing: boolean;
  /** Offsets of the tag in the text: [start, end). */
  start: number;
  end: number;
  /** For <script>, <style>, <textarea> and <title>: the raw text up to the end tag. */
  text?: string;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references found in attribute values. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1].toLowerCase();
    if (name in attrs) continue; // the first one wins, as in browsers
    attrs[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

/** Every tag of a page, in order. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html.startsWith('<!', open) || html.startsWith('<?', open)) {
      const close = html.indexOf('>', open);
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    tag.lastIndex = open;
    const match = tag.exec(html);
    if (!match) {
      i = open + 1;
      continue;
    }
    const name = match[2].toLowerCase();
    const closing = match[1] === '/';
    const rest = match[3];
    const selfClosing = /\/\s*$/.test(rest);
    const found: Tag = { name, attrs: closing ? {} : parseAttributes(rest.replace(/\/\s*$/, '')), closing, selfClosing, start: open, end: tag.lastIndex };
    tags.push(found);
    i = tag.lastIndex;
    if (!closing && !selfClosing && RAW_TEXT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      const stop = end < 0 ? html.length : end;
      found.text = html.slice(i, stop);
      i = stop;
    }
  }
  return tags;
}

/** Whether a tag's class attribute lists `name`. */
export function hasClass(tag: Tag, name: string): boolean {
  return (tag.attrs.class ?? '').split(/\s+/).includes(name);
}

/**
 * The tags inside the element that `start` opens (its descendants), found by counting
 * the start and end tags of the same name.
 */
export function descendants(tags: Tag[], start: Tag): Tag[] {
  const index = tags.indexOf(start);
  if (index < 0 || start.selfClosing) return [];
  let depth = 0;
  const inside: Tag[] = [];
  for (const tag of tags.slice(index + 1)) {
    if (tag.name === start.name) {
      if (tag.closing) {
        if (depth === 0) break;
        depth--;
      } else if (!tag.selfClosing) depth++;
    }
    inside.push(tag);
  }
  return inside;
}

/** Every id that a fragment can point to in a page (id attributes, and name on <a>). */
export function fragmentTargets(tags: Tag[]): Set<string> {
  const ids = new Set<string>();
  for (const tag of tags) {
    if (tag.closing) continue;
    if (tag.attrs.id !== undefined) ids.add(tag.attrs.id);
    if (tag.name === 'a' && tag.attrs.name !== undefined) ids.add(tag.attrs.name);
  }
  return ids;
}
