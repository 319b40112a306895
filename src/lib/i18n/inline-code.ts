/**
 * Dictionary strings mark code with backticks ("run `npm run validate`"): the parts, for a
 * component to render as text and <code>, so that no dictionary string carries HTML.
 */
export interface TextPart {
  text: string;
  code: boolean;
}

/** "Run `npm run validate`." → [{ text: 'Run ', code: false }, { text: 'npm run validate', code: true }, { text: '.', code: false }]. */
export function inlineCodeParts(text: string): TextPart[] {
  return text
    .split('`')
    .map((part, i) => ({ text: part, code: i % 2 === 1 }))
    .filter((part) => part.text !== '');
}
