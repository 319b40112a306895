/**
 * MDX bodies arrive from outside contributors, and MDX is code. This parses a body with the
 * build's own MDX parser (Sätteri, with the build's features) and refuses what could run
 * code, load something, or break the page. The build runs the same policy again on the
 * tree it compiles (src/lib/content/mdx-guard.ts).
 *
 * The rules that need no parser (links, shapes, elements and their attributes) live in
 * body-text.ts, which the /contribute/ form also runs in the browser.
 */
import { mdxToMdast } from 'satteri';
import { MDX_FEATURES, isCommentOnlyExpression } from '../content/mdx-options.ts';
import {
  BODY_MESSAGES,
  bodyShapeProblem,
  brokenLinkInText,
  elementProblems,
  linkProblem,
  type BodyProblem,
  type MdNode,
} from './body-text.ts';

export { BODY_LIMITS, bodyShapeProblem, isSafeBodyUrl, linkSlip, type BodyProblem, type MdNode } from './body-text.ts';
/** Parses a body as the build does; throws the parser's error (with line and column). */
export function parseBody(body: string): MdNode {
  return mdxToMdast(body, { features: MDX_FEATURES }) as unknown as MdNode;
}

/**
 * Characters of a body that Markdown reads as nothing but text, paragraphs, headings,
 * emphasis, lists, quotes, tables, breaks and code fences: ASCII letters, digits, spaces and
 * the signs below, and any character beyond ASCII except C1 controls, line and paragraph
 * separators and byte-order marks. Not here, and so always parsed: `<` (elements, HTML,
 * autolinks), `{` `}` (expressions), `[` `]` (links, definitions, images, footnotes, and a
 * link that became text), `&` (character references, which could spell any of these), `\`
 * (escapes), `` ` `` (code), `@` (e-mail autolinks), control characters.
 */
const NOT_PLAIN = /[^\t\n\r A-Za-z0-9!"#$%'()*+,\-./:;=>?^_|~\u00A0-\u2027\u202A-\uFEFE\uFF00-\uFFFF]/;
/** Other syntax made of plain characters: web addresses (autolinks), import/export lines, frontmatter fences. */
const PLAIN_SYNTAX = /:\/\/|www\.|^[ \t>*+\-\d.)]*(?:import|export)|^(?:---|\+\+\+)/im;

/**
 * True when a body may hold something the policy reads (an element, an expression, a link,
 * an image, import/export, raw HTML, frontmatter) or a syntax error, so that it must be
 * parsed. False only for bodies made of plain characters (above), where the parse finds
 * nothing to refuse: checkMdxBody then skips Sätteri, which is most of the cost of a body.
 * Conservative: true says "parse", nothing more. tests/unit/security/mdx-agreement.test.ts
 * checks on every content file, fixture and thousands of generated bodies that a body this
 * calls plain gets exactly the full parse's answer.
 */
export function needsParse(body: string): boolean {
  return NOT_PLAIN.test(body) || PLAIN_SYNTAX.test(body) || !body.isWellFormed();
}

/**
 * Checks an MDX body. `body` is the file with its frontmatter blanked out (as the build
 * compiles it), so positions are positions in the file. A body made of plain characters
 * (needsParse) has nothing the parse could refuse and is not parsed; the build parses and
 * guards every body all the same (lib/content/mdx-guard.ts).
 */
export function checkMdxBody(body: string): BodyProblem[] {
  const shape = bodyShapeProblem(body);
  if (shape) return [shape];
  return needsParse(body) ? parsedBodyProblems(body) : [];
}

/** checkMdxBody with every body parsed, plain or not (the reference the fast path is tested against). */
export function checkMdxBodyFully(body: string): BodyProblem[] {
  const shape = bodyShapeProblem(body);
  return shape ? [shape] : parsedBodyProblems(body);
}

/** Parses a body whose shape passed, and applies the policy to its tree. */
function parsedBodyProblems(body: string): BodyProblem[] {
  let tree: MdNode;
  try {
    // Sätteri 0.10.5 panics, and takes the process down, on a body that ends inside an
    // import or export line on a backslash (`import "\` with no line break after it). A line
    // break at the end changes nothing else, and positions stay the same.
    tree = parseBody(body.endsWith('\n') ? body : `${body}\n`);
  } catch (error) {
    const message = String((error as Error).message ?? error);
    const where = /^(\d+):(\d+):\s*/.exec(message);
    const reason = message.replace(/^(\d+):(\d+):\s*/, '').replace(/\s*\((?:mdx|micromark)[^)]*\)\s*$/, '');
    return [{ line: where ? Number(where[1]) : 1, column: where ? Number(where[2]) : 1, message: `MDX syntax error: ${reason}` }];
  }
  return bodyPolicyProblems(tree);
}

/** Every node of a parsed body that the content model refuses, with a message for the editor. */
export function bodyPolicyProblems(tree: MdNode): BodyProblem[] {
  const problems: BodyProblem[] = [];
  const report = (node: MdNode, message: string) =>
    problems.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });

  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, BODY_MESSAGES.esm);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnlyExpression(String(node.value ?? ''))) {
          report(node, BODY_MESSAGES.expression);
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        elementProblems(node, report);
        break;
      case 'link':
      case 'definition':
        if (node.url !== undefined) {
          const problem = linkProblem(node.url);
          if (problem) report(node, problem);
        }
        break;
      case 'text': {
        const slip = brokenLinkInText(String(node.value ?? ''));
        if (slip) report(node, slip);
        break;
      }
      case 'image':
      case 'imageReference':
        report(node, BODY_MESSAGES.image);
        break;
      case 'html':
      case 'yaml':
      case 'toml':
        report(node, BODY_MESSAGES.html);
        break;
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return problems;
}
