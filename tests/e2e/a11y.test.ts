/** axe-core on the main page types, light and dark, with JavaScript on: no serious or critical violation. */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { AXE, closeBrowser, expectNoErrors, openPage } from './harness.ts';

afterAll(closeBrowser);

const PAGES = ['/', '/incidents/macron-2017/', '/events/macron-2017/emleaks-posted/', '/methodology/'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of PAGES) {
      it(`${path} in ${colorScheme} mode has no serious or critical violation`, async () => {
        const { page, errors } = await openPage(path, { colorScheme });
        // Evaluated through DevTools: an inline <script> tag would be blocked by the page's CSP.
        await page.evaluate(readFileSync(AXE, 'utf8'));
        const violations: Violation[] = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } })
            .axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
            id,
            impact,
            help,
            helpUrl,
            nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
          }));
        });
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        const report = serious
          .map(
            (v) =>
              `${v.impact} ${v.id}: ${v.help} ` +
              `(${v.helpUrl})\n` +
              `${v.nodes.map((n) => `    ${JSON.stringify(n.target)}  ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`).join('\n')}`,
          )
          .join('\n');
        expect(
          serious.map((v) => v.id),
          `axe violations on ${path} (${colorScheme}):\n${report}`,
        ).toEqual([]);
        expectNoErrors(errors);
      });
    }
  }
});
