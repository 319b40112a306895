/**
 * The YAML parser's errors, said as what to do. Editors are journalists, not YAML experts:
 * "Nested mappings are not allowed in compact mappings" becomes "a title that contains a
 * colon must be in quotes: title: "Kremlin: no comment"".
 */

/** An error of the `yaml` package: its code, message, and the text of the line it is on. */
export interface YamlErrorInput {
  code: string;
  message: string;
  /** The whole line of the file the error points at. */
  lineText: string;
  /** The line above it, for errors about alignment. */
  previousLine?: string;
}

/** Quotes a value the way an editor should write it. */
function quoted(value: string): string {
  return `"${value.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The editor-facing message for one YAML error. */
export function yamlMessage({ code, message, lineText, previousLine }: YamlErrorInput): string {
  const pair = /^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*)$/.exec(lineText);
  const key = pair?.[2];
  const value = pair?.[3] ?? '';
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (!/:\s/.test(value))
        return 'this line is indented wrongly: fields of the same block start in the same column, indented with spaces';
      return key
        ? `a ${key} that contains a colon must be in quotes: ${key}: ${quoted(value)}`
        : 'a value that contains ": " must be in quotes';
    case 'MISSING_CHAR':
      if (/closing "?quote/i.test(message) || /closing ['"]/.test(message)) {
        return (
          `a quote opened here is never closed: end the value with the same quote mark on this ` +
          `line${key ? `, e.g. ${key}: ${quoted(value.replace(/^["']/, ''))}` : ''}`
        );
      }
      if (/Sequence item without - indicator/.test(message)) {
        const column = (line: string) => /^\s*(?:-\s+)?/.exec(line)![0].length + 1;
        return (
          `this line is not lined up with the field above ` +
          `it${
            previousLine
              ? ` (it starts in column ${/^\s*/.exec(lineText)![0].length + 1}, the line above in column ${column(previousLine)})`
              : ''
          }` +
          `: the fields of one list item start in the same column, and a new item starts with "- "`
        );
      }
      return `YAML: ${message}`;
    case 'UNEXPECTED_TOKEN':
      if (/^'[^']*'[^']/.test(value))
        return (
          `inside single quotes, write an apostrophe twice ('') or put the value in double quotes: ${key}: ` +
          `${quoted(value.slice(1, -1))}`
        );
      return `text follows the end of the value${key ? `: put the whole value in double quotes, ${key}: ${quoted(value)}` : ''}`;
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs (YAML does not accept tabs for indentation)';
    case 'BAD_SCALAR_START':
      return (
        `a value cannot start with ${value.trim()[0] ?? 'this character'} unless it is in ` +
        `quotes${key ? `: ${key}: ${quoted(value)}` : ''}`
      );
    case 'BAD_INDENT':
      if (/Flow map/.test(message)) return 'a { … } item is not closed: end it with } on the same line';
      if (/Flow sequence/.test(message)) return 'a [ … ] list is not closed: end it with ] on the same line';
      return 'this line is indented wrongly: fields of the same block start in the same column, indented with spaces';
    case 'DUPLICATE_KEY':
      return `${key ?? 'this field'} appears twice: keep one`;
    case 'MULTIPLE_DOCS':
      return 'a line of three dashes belongs only at the start and end of the frontmatter';
    default:
      return `YAML: ${message.split('\n')[0]}`;
  }
}
