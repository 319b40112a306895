/**
 * A `<Quote>` written inside a sentence is a quotation in running text, not a block: a
 * `<blockquote>` there would end the paragraph mid-sentence (HTML does not allow one inside
 * a `<p>`). This mdast plugin, run by the build's MDX compiler after the content guard,
 * tells such a Quote that it is inline, so that it renders as `<q>`.
 */
import { defineMdastPlugin } from 'satteri';

/** Marks every `<Quote>` that MDX parsed as phrasing content with an `inline` attribute. */
export const inlineQuotes = defineMdastPlugin({
  name: 'election-timeline:inline-quotes',
  mdxJsxTextElement(node, context) {
    if (node.name !== 'Quote' || node.attributes.some((attribute) => 'name' in attribute && attribute.name === 'inline')) return;
    context.replaceNode(node, { ...node, attributes: [...node.attributes, { type: 'mdxJsxAttribute', name: 'inline', value: null }] });
  },
});
