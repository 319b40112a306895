/**
 * The components an MDX body may use without importing them, with the props each takes.
 * The validator refuses anything else; src/components/mdx/index.ts provides exactly these.
 */
export const MDX_COMPONENTS = {
  /**
   * A verbatim quotation from a statement, denial or attribution (never from leaked material),
   * in its original language; `translation` is shown beside it where the page's language differs.
   */
  Quote: { props: ['lang', 'cite', 'translation'] },
  /** A boxed note beside the text, e.g. "Where sources disagree". */
  Aside: { props: ['title'] },
} as const;

/** The name of a component event bodies may use. */
export type MdxComponentName = keyof typeof MDX_COMPONENTS;

/** Inline HTML an editor may use, with its allowed attributes; everything else is Markdown. */
export const MDX_HTML_ELEMENTS: Record<string, readonly string[]> = {
  abbr: ['title'],
  b: [],
  br: [],
  cite: [],
  code: [],
  del: [],
  dfn: ['title'],
  em: [],
  i: ['lang'],
  ins: [],
  kbd: [],
  mark: [],
  q: ['lang'],
  s: [],
  small: [],
  span: ['lang'],
  strong: [],
  sub: [],
  sup: [],
  time: ['datetime'],
};
