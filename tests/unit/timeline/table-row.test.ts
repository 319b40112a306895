import { describe, expect, it } from 'vitest';
import { tableRowHtml } from '../../../src/lib/timeline/table-row.ts';

const row = {
  id: 'macron-2017/emleaks-posted',
  incident: 'macron-2017',
  kind: 'leak',
  start: 1494009300000,
  dateText: '2017-05-05T20:35',
  when: '5 May 2017, 20:35 Paris time',
  offset: 'T−47 h',
  kindName: 'Leak',
  statusName: 'Documented',
  title: 'Files posted on 4chan & Pastebin',
  href: '/events/macron-2017/emleaks-posted/',
};

describe('tableRowHtml: a row of the chart’s events table', () => {
  it('writes date, offset, kind, status and the title as a link, with the data the chart’s filters read', () => {
    expect(tableRowHtml(row)).toBe(
      '<tr data-row-event="macron-2017/emleaks-posted" data-row-kind="leak" data-row-incident="macron-2017" data-start="1494009300000">' +
        '<td><time datetime="2017-05-05T20:35">5 May 2017, 20:35 Paris time</time></td><td>T−47 h</td><td>Leak</td><td>Documented</td>' +
        '<th scope="row"><a href="/events/macron-2017/emleaks-posted/">Files posted on 4chan &amp; Pastebin</a></th></tr>',
    );
  });

  it('names the incident where the table spans several, and opens links in a new tab inside an embed', () => {
    const html = tableRowHtml({ ...row, incidentTitle: 'The “Macron Leaks”', target: '_blank' });
    expect(html).toContain('<td>T−47 h</td><td>The “Macron Leaks”</td><td>Leak</td>');
    expect(html).toContain('target="_blank" rel="noopener noreferrer"');
  });

  it('keeps a contributor’s title text: markup in it is shown, never run', () => {
    const html = tableRowHtml({ ...row, title: '<img src=x onerror=alert(1)>"', href: '/events/a/"onmouseover="x/' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(html).toContain('href="/events/a/&quot;onmouseover=&quot;x/"');
  });
});
