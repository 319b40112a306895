import { describe, expect, it } from 'vitest';
import { embedCode } from '../../../src/lib/embed/code.ts';
import { dictionary } from '../../../src/lib/i18n/en.ts';

describe('embedCode', () => {
  it('gives the frame the site name and title, the height, and the sizing script', () => {
    const code = embedCode({
      url: 'https://example.org/embed/timeline/?kinds=leak&align=calendar',
      title: 'A chart',
      height: 640,
      scriptUrl: 'https://example.org/embed.js',
    });
    expect(code).toBe(
      '<iframe src="https://example.org/embed/timeline/?kinds=leak&amp;align=calendar" title="Election Integrity ' +
        'Timeline: A chart" width="100%" height="640" style="border:0;width:100%" loading="lazy"></iframe>\n' +
        '<script src="https://example.org/embed.js" async></script>',
    );
  });

  it('escapes a title that holds quotes and markup', () => {
    const code = embedCode({
      url: 'https://example.org/',
      title: 'Lesson "3" <script>',
      height: 500,
      scriptUrl: 'https://example.org/embed.js',
    });
    expect(code).toContain('title="Election Integrity Timeline: Lesson &quot;3&quot; &lt;script&gt;"');
    expect(code).not.toContain('<script>"');
  });

  it("joins the site's name and the title with the page's colon (French: a narrow no-break space before it)", () => {
    const fr = dictionary('fr');
    const code = embedCode({
      url: 'https://example.org/',
      title: 'Une frise',
      height: 500,
      scriptUrl: 'https://example.org/embed.js',
      colon: fr.units.colon,
    });
    expect(code).toContain('title="Election Integrity Timeline\u202f: Une frise"');
  });
});
