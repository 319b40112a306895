/** A strict Atom reader for tests: parses with sax and lists what RFC 4287 requires that a feed lacks. */
import sax from 'sax';

export interface Node {
  name: string;
  attributes: Record<string, string>;
  children: Node[];
  text: string;
}

/** A strict parse into a small tree (throws on any well-formedness error). */
export function parseAtom(xml: string): Node {
  const parser = sax.parser(true, { xmlns: false });
  const root: Node = { name: '#root', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const node: Node = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => (stack.at(-1)!.text += text);
  parser.write(xml).close();
  return root.children[0];
}

export const child = (node: Node, name: string) => node.children.find((c) => c.name === name);
export const children = (node: Node, name: string) => node.children.filter((c) => c.name === name);

/** RFC 4287 §4.1.1 and §4.1.2: what a feed and each entry must carry. Returns what is missing. */
export function atomProblems(feed: Node): string[] {
  const problems: string[] = [];
  if (feed.name !== 'feed' || feed.attributes.xmlns !== 'http://www.w3.org/2005/Atom') problems.push('root is not an Atom <feed>');
  for (const name of ['id', 'title', 'updated']) if (children(feed, name).length !== 1) problems.push(`feed needs exactly one <${name}>`);
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  if (!rfc3339.test(child(feed, 'updated')?.text ?? '')) problems.push('feed <updated> is not RFC 3339');
  const feedAuthor = children(feed, 'author').some((a) => child(a, 'name')?.text.trim());
  if (!children(feed, 'link').some((l) => l.attributes.rel === 'self')) problems.push('feed has no rel="self" link');
  for (const [i, entry] of children(feed, 'entry').entries()) {
    for (const name of ['id', 'title', 'updated'])
      if (children(entry, name).length !== 1) problems.push(`entry ${i} needs exactly one <${name}>`);
    if (!rfc3339.test(child(entry, 'updated')?.text ?? '')) problems.push(`entry ${i} <updated> is not RFC 3339`);
    if (!children(entry, 'link').some((l) => (l.attributes.rel ?? 'alternate') === 'alternate' && l.attributes.href))
      problems.push(`entry ${i} has no alternate link`);
    if (!feedAuthor && !children(entry, 'author').length) problems.push(`entry ${i} has no author (nor has the feed)`);
    if (!/^[a-z][a-z0-9+.-]*:/i.test(child(entry, 'id')?.text ?? '')) problems.push(`entry ${i} <id> is not an IRI`);
  }
  return problems;
}
