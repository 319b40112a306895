/** A problem in a content file, and the two ways it is printed. */

export interface Problem {
  /** Path from the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** The frontmatter field ("sources[0].url"), "body" or "file". */
  field: string;
  message: string;
  /** A warning is printed but does not fail validation or the build (e.g. a likely duplicate). */
  severity?: 'warning';
}

/** The problems that fail validation and the build. */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity !== 'warning');
}

/** `path:line:column  field: message`, the form editors' tools jump to. */
export function formatProblem(problem: Problem): string {
  return (
    `${problem.file}:${problem.line}:${problem.column}  ${problem.field}: ` +
    `${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`
  );
}

function escapeData(text: string) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string) {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub Actions workflow command, so a pull request shows the problem inline. */
export function githubAnnotation(problem: Problem): string {
  return (
    `::${problem.severity === 'warning' ? 'warning' : 'error'} ` +
    `file=${escapeProperty(problem.file)},line=${problem.line},col=${problem.column},title=${escapeProperty(problem.field)}::` +
    `${escapeData(`${problem.field}: ${problem.message}`)}`
  );
}

/** Sorts problems by file, then line and column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field),
  );
}

/**
 * "sources[0].url" from ["sources", 0, "url"]. A key that would not show as itself (empty,
 * blank at either end, or with control characters) is quoted: `""`, `" title"`, `"a\nb"`.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, segment) => {
    if (typeof segment === 'number') return `${name}[${segment}]`;
    let key = String(segment);
    if (!/^\S(.*\S)?$/su.test(key) || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(key)) key = JSON.stringify(key);
    return name ? `${name}.${key}` : key;
  }, '');
}
