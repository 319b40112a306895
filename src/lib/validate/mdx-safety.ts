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
 * Checks an MDX body. `body` is the file with its frontmatter blanked out (as the build
 * compiles it), so positions are positions in the file.
 */
export function checkMdxBody(body: string): BodyProblem[] {
  const shape = bodyShapeProblem(body);
  if (shape) return [shape];
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
