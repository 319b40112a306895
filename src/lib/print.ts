/** Print furniture that a stylesheet shared by all pages cannot carry: the page's own address on every sheet. */

/** A CSS string literal; `<` escaped so that no text can close the <style> element. */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

/**
 * An @page rule that prints "<site> · <address>" at the foot of every sheet, left, and
 * "page / pages" right. (Custom properties do not reach page margin boxes, so each page
 * gets its own rule.)
 */
export function printPageCss(site: string, address: string): string {
  const font = 'font: 8pt/1.2 system-ui, sans-serif; color: #444;';
  return (
    `@page { @bottom-left { content: ${cssString(`${site} · ${address}`)}; ${font} } @bottom-right { content: ` +
    `counter(page) " / " counter(pages); ${font} } }`
  );
}
