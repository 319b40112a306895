/**
 * The tags of a built page, read with a real HTML parser (htmlparser2): start and end tags
 * in document order, with their attributes. Every element has one start and one end tag,
 * even where the HTML leaves the end implied (<p>, void elements such as <meta>), so that
 * an element's descendants are exactly the tags between the two.
 */
import { Parser } from 'htmlparser2';

export interface Tag {
  /** Lowercase tag name ("a", "script", "timeline-chart"). */
  name: string;
  /** Attribute values, entities decoded; an attribute without a value is "". The first of two with one name wins. */
  attrs: Record<string, string>;
  /** True for an end tag (</a>), written or implied. */
  closing: boolean;
  /** True for an element that cannot hold anything: a void element (<meta>), or <x /> in SVG. */
  selfClosing: boolean;
  /** Offsets of the tag in the text: [start, end). An implied end tag is empty, where the element ends. */
  start: number;
  end: number;
  /** For <script> and <style>: the text inside, as written (what a CSP hash is computed over). */
  text?: string;
}

const RAW_TEXT = new Set(['script', 'style']);

/** Every tag of a page, in order. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  /** Open elements, innermost last. */
  const open: Tag[] = [];
  const parser = new Parser(
    {
      onopentag(tagName, attrs) {
        const name = tagName.toLowerCase();
        const tag: Tag = { name, attrs, closing: false, selfClosing: false, start: parser.startIndex, end: parser.endIndex + 1 };
        if (RAW_TEXT.has(name)) tag.text = '';
        tags.push(tag);
        open.push(tag);
      },
      ontext(text) {
        const current = open.at(-1);
        if (current?.text !== undefined) current.text += text;
      },
      onclosetag(tagName, implied) {
        const name = tagName.toLowerCase();
        const start = open.pop();
        const end = implied ? (start?.end === parser.endIndex + 1 ? start.end : parser.startIndex) : parser.startIndex;
        // A void element (or <x/> in SVG) ends where it starts: its end tag is implied at once.
        if (start && implied && start.end === parser.endIndex + 1) start.selfClosing = true;
        tags.push({ name, attrs: {}, closing: true, selfClosing: false, start: end, end: implied ? end : parser.endIndex + 1 });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return tags;
}

/** Whether a tag's class attribute lists `name`. */
export function hasClass(tag: Tag, name: string): boolean {
  return (tag.attrs.class ?? '').split(/\s+/).includes(name);
}

/** The tags inside the element that `start` opens (its descendants), up to its end tag. */
export function descendants(tags: Tag[], start: Tag): Tag[] {
  const index = tags.indexOf(start);
  if (index < 0 || start.closing) return [];
  let depth = 0;
  for (let i = index + 1; i < tags.length; i++) {
    const tag = tags[i];
    if (!tag.closing) depth++;
    else if (depth === 0) return tags.slice(index + 1, i);
    else depth--;
  }
  return tags.slice(index + 1);
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
