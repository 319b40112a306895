/**
 * Defence in depth: an mdast plugin run by the build's MDX compiler on every body it
 * compiles. Whatever the validator said, a body holding JavaScript (ESM, expressions that
 * are more than comments, attribute expressions, spreads), raw HTML, or any element or
 * link the content policy refuses stops the build with the file named, before any of it
 * can run at build time or in a reader's browser.
 */
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { bodyPolicyProblems, checkMdxBody, type MdNode } from '../validate/mdx-safety.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { isCommentOnlyExpression } from './mdx-options.ts';

/** Node types that carry JavaScript; refused here on their own, without the policy's help. */
function carriesCode(node: MdNode): boolean {
  if (node.type === 'mdxjsEsm') return true;
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return !isCommentOnlyExpression(String(node.value ?? ''));
  return (node.attributes ?? []).some(
    (attribute) =>
      attribute.type !== 'mdxJsxAttribute' ||
      (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string'),
  );
}

function findCode(node: MdNode): MdNode | undefined {
  if (carriesCode(node)) return node;
  for (const child of node.children ?? []) {
    const found = findCode(child);
    if (found) return found;
  }
  return undefined;
}

/** The build's guard: throws `file:line:col  body: …` for the first refused node. */
export const contentGuard = defineMdastPlugin({
  name: 'election-timeline:content-guard',
  options: { position: true },
  before(root, context) {
    const tree = root as unknown as MdNode;
    const file = context.fileURL ? fileURLToPath(context.fileURL) : '(an MDX file)';
    const where = (node: MdNode) => `${file}:${node.position?.start.line ?? 1}:${node.position?.start.column ?? 1}`;
    const code = findCode(tree);
    if (code)
      throw new Error(
        `${where(code)}  body: refused by the build's content guard: contributors' files may not hold JavaScript (${code.type})`,
      );
    const [problem] = bodyPolicyProblems(tree);
    if (problem)
      throw new Error(`${file}:${problem.line}:${problem.column}  body: refused by the build's content guard: ${problem.message}`);
  },
});

/**
 * Sätteri 0.10.5 panics, and takes the whole process down (`npm run dev` included), on an
 * MDX body that ends inside an import or export line on a backslash (`import "\` as the
 * very last characters of the file). The build never compiles such a file (the validator
 * refuses it first), but the dev server compiles whatever a page asks for. This runs before
 * the MDX compiler on every `.mdx` file that does not end with a line break: a body the
 * validator refuses becomes the validator's own `path:line:col  body: message` error, and
 * any other body gets the line break it lacks (nothing else changes, positions included).
 */
export function guardBodyEnd(code: string, file: string, absolutePath = file): string {
  if (code.endsWith('\n')) return code;
  const split = splitFrontmatter(code);
  const [problem] = split.ok && !split.buildError ? checkMdxBody(split.body) : [];
  if (problem) {
    const error = new Error(`${file}:${problem.line}:${problem.column}  body: ${problem.message}`) as Error & {
      loc?: { file: string; line: number; column: number };
    };
    error.loc = { file: absolutePath, line: problem.line, column: problem.column };
    throw error;
  }
  return `${code}\n`;
}
