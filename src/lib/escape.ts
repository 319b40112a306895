/** Escaping text for markup, in one place: feeds, SVG files, embed code and pages built by hand. */

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, newline, return; lone surrogates; U+FFFE/F). */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe in XML or HTML content and in double-quoted attribute values (characters XML forbids are dropped). */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
