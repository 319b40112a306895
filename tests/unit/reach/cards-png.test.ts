/** The card rasterizer's own PNG writer and layer composition: valid PNG files, the overlay on top, the right colours. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { composite, encodePng, svgToPng } from '../../../src/integrations/cards.ts';

function decode(png: Buffer) {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
  const raw = inflateSync(idat);
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 1 + x * 4 + 4)];
  return { width, height, pixel };
}

describe('card pictures', () => {
  it('lays the overlay over the background and writes straight-alpha PNG', () => {
    const bottom = { width: 2, height: 1, data: Buffer.from([0, 0, 255, 255, 0, 0, 255, 255]) };
    const top = { width: 2, height: 1, data: Buffer.from([0, 0, 0, 0, 128, 0, 0, 128]) }; // premultiplied half red
    const { pixel } = decode(encodePng(composite(bottom, top)));
    expect(pixel(0, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(1, 0)).toEqual([128, 0, 127, 255]);
    const alone = decode(encodePng(top));
    expect(alone.pixel(1, 0)).toEqual([255, 0, 0, 128]);
  });

  it('draws an SVG with the bundled fonts at its own size', () => {
    const png = svgToPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#fff"/><text ' +
        'x="2" y="15" font-family="sans-serif" font-size="14">Aé</text></svg>',
    );
    const { width, height, pixel } = decode(png);
    expect([width, height]).toEqual([40, 20]);
    const dark = Array.from({ length: 40 * 20 }, (_, i) => pixel(i % 40, Math.floor(i / 40))).filter(([r]) => r < 128).length;
    expect(dark, 'the text is drawn (fonts found without the system)').toBeGreaterThan(10);
  });
});

describe('event cards', () => {
  it('are drawn band and ring only, pixel for pixel as the whole overlay would be', async () => {
    const { cardBackground, cardOverlaySvg } = await import('../../../src/lib/reach/card.ts');
    const { drawEventCard, eventCardPng, fontFilesForCards, prepareBackground, rasterize } = await import(
      '../../../src/integrations/cards.ts'
    );
    const colours = { bg: '#ffffff', fg: '#1b1b1b', muted: '#545454', accent: '#1a5fb4' };
    const font = 'DejaVu Sans, sans-serif';
    const standalone =
      '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="300"><svg x="0" y="0" width="1000" height="300" ' +
      'viewBox="0 0 1000 300"><rect x="10" y="10" width="980" height="280" fill="#e0e8f0"/><a data-event-id="x/one" ' +
      'transform="translate(512.3,140.6)"><circle r="6" fill="#c00"/></a></svg></svg>';
    const { svg: backgroundSvg, marks } = cardBackground({ standalone, site: 'Site', address: 'example.org', colours, font });
    const background = rasterize(backgroundSvg);
    const prepared = prepareBackground(background);
    const drawBoth = (title: string, facts: string | undefined, ring: { x: number; y: number } | null = marks.get('x/one')!) => {
      const overlay = cardOverlaySvg(
        { title, facts, colours, font, ring: ring ?? undefined },
        { href: '../../../backgrounds/x.png', key: 'en/backgrounds/x.svg' },
      );
      const whole = composite(background, rasterize(overlay.replace(/<image\b[^>]*data-card-layer="background"[^>]*\/>/, '')));
      const drawn = drawEventCard(background, overlay, fontFilesForCards());
      let differing = 0;
      for (let i = 0; i < whole.data.length; i++) if (whole.data[i] !== drawn.data[i]) differing++;
      // The PNG written from the background's compressed bands holds the same rows as one compressed whole.
      const idat = (png: Buffer) => inflateSync(png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8));
      const sameRows = idat(eventCardPng(prepared, overlay, fontFilesForCards())).equals(idat(encodePng(drawn)));
      return { differing, drawn, sameRows };
    };
    // The tallest words a card holds (three lines of title, accents, descenders, the facts), one short line, no facts, no ring.
    const tall = drawBoth(
      'Énorme fuite: gjpqy Ÿ Ç jusqu’à trois lignes de titre, bien plus longues que quarante caractères chacune, coupées',
      'Élection · T−47 h · Fuite · Documenté, jpgqy',
    );
    expect(tall.differing, 'bytes that differ from the whole overlay drawn and laid over').toBe(0);
    expect(tall.sameRows, 'the PNG from compressed bands decodes to the same rows').toBe(true);
    for (const [title, facts, ring] of [
      ['Ÿ gjpqy', 'Élection · jpgqy', marks.get('x/one')],
      ['Ÿ gjpqy, sans les faits', undefined, marks.get('x/one')],
      ['Ÿ gjpqy, sans anneau', 'Élection · jpgqy', null],
    ] as const) {
      const card = drawBoth(title, facts, ring);
      expect([card.differing, card.sameRows], title).toEqual([0, true]);
    }
    const drawn = tall.drawn;
    // And the ring is there: the accent colour around the mark.
    const ring = marks.get('x/one')!;
    const at = (x: number, y: number) => [...drawn.data.subarray((y * 1200 + x) * 4, (y * 1200 + x) * 4 + 3)];
    expect(at(Math.round(ring.x + 13), Math.round(ring.y))).not.toEqual(at(Math.round(ring.x + 30), Math.round(ring.y)));
  });
});

describe("whole cards drawn over a background (an incident's card)", () => {
  it('look like the card drawn whole: no pixel off by more than one level, the words and background in place', async () => {
    const { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { cardBackground, cardSvg } = await import('../../../src/lib/reach/card.ts');
    const { overlayOver, rasterize, rasterizeCards } = await import('../../../src/integrations/cards.ts');
    const colours = { bg: '#ffffff', fg: '#1b1b1b', muted: '#545454', accent: '#1a5fb4' };
    const font = 'DejaVu Sans, sans-serif';
    const standalone =
      '<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="300"><svg x="0" y="0" width="1000" height="300" ' +
      'viewBox="0 0 1000 300"><rect x="10" y="10" width="980" height="280" fill="#e0e8f0"/></svg></svg>';
    const { svg: background } = cardBackground({ standalone, site: 'Site', address: 'example.org', colours, font });
    const card = cardSvg(background, {
      title: 'Énorme fuite: gjpqy Ÿ Ç, un titre sur deux lignes au moins',
      facts: '12 events · jpgqy',
      colours,
      font,
    });
    expect(overlayOver(background, card)).toBeDefined();
    expect(overlayOver(background, background.replace('</svg>', '<rect width="5" height="5"/></svg>')), 'not only words').toBeUndefined();
    const root = mkdtempSync(join(tmpdir(), 'cards-over-'));
    try {
      mkdirSync(join(root, 'incidents'), { recursive: true });
      mkdirSync(join(root, 'backgrounds'), { recursive: true });
      writeFileSync(join(root, 'backgrounds/x.svg'), background);
      writeFileSync(join(root, 'incidents/x.svg'), card);
      expect(await rasterizeCards(root)).toMatchObject({ count: 2, drawn: 2 });
      const png = readFileSync(join(root, 'incidents/x.png'));
      const raw = inflateSync(png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8));
      const whole = rasterize(card).data;
      let worst = 0;
      for (let y = 0; y < 630; y++)
        for (let i = 0; i < 1200 * 4; i++) worst = Math.max(worst, Math.abs(raw[y * (1200 * 4 + 1) + 1 + i] - whole[y * 1200 * 4 + i]));
      expect(worst, 'largest difference from the card drawn whole, in levels of 255').toBeLessThanOrEqual(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the fonts cut down to the characters the cards hold', () => {
  it.each([
    ['composed', 'Énorme fuite : « Ÿ » œuvre office ffi AV To Wa’s — T&#8722;47 h · Кремль &amp; 2016'],
    // Found in review: a title typed with combining accents is composed by the shaper.
    ['decomposed (NFD)', 'E\u0301lection de\u0301cide\u0301e A\u030A x\u0308 n\u0303'],
  ])('draw %s words pixel for pixel as the whole fonts do', async (_form, words) => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { fontFilesForCards } = await import('../../../src/integrations/cards.ts');
    const { charactersOf, subsetFontFiles } = await import('../../../src/integrations/font-subset.ts');
    const { Resvg } = await import('@resvg/resvg-js');
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="160" font-family="DejaVu Sans, ` +
      `sans-serif"><text x="10" y="60" font-size="48" font-weight="700">${words}</text><text x="10" y="130" ` +
      `font-size="26">${words}</text></svg>`;
    const draw = (fonts: string[]) =>
      new Resvg(svg, {
        fitTo: { mode: 'original' },
        font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'DejaVu Sans' },
      }).render().pixels;
    const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
    try {
      const whole = fontFilesForCards();
      const cut = subsetFontFiles(whole, charactersOf([svg]), dir);
      expect(
        cut.every((file) => file.startsWith(dir)),
        'the fonts were cut down',
      ).toBe(true);
      const a = draw(whole);
      const b = draw(cut);
      let differing = 0;
      let ink = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
      for (let i = 3; i < a.length; i += 4) if (a[i]) ink++;
      expect(ink, 'words are drawn').toBeGreaterThan(10_000);
      expect(differing, 'bytes that differ from the words drawn with the whole fonts').toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the cards cache', () => {
  it('copies unchanged cards from the cache, draws changed ones, and keeps only the last build', async () => {
    const { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { rasterizeCards } = await import('../../../src/integrations/cards.ts');
    const root = mkdtempSync(join(tmpdir(), 'cards-cache-'));
    const cache = join(root, 'cache');
    const build = (titles: [string, string]) => {
      const dir = join(root, 'dist');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(join(dir, 'backgrounds'), { recursive: true });
      mkdirSync(join(dir, 'events'), { recursive: true });
      writeFileSync(
        join(dir, 'site.svg'),
        `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><rect width="60" height="30" ` +
          `fill="#fff"/><text x="2" y="20" font-size="14">${titles[0]}</text></svg>`,
      );
      writeFileSync(
        join(dir, 'backgrounds/a.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#eef"/></svg>',
      );
      writeFileSync(
        join(dir, 'events/one.svg'),
        `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="DejaVu ` +
          `Sans" data-card-background="backgrounds/a.svg"><image href="../backgrounds/a.png" x="0" y="0" width="1200" ` +
          `height="630" data-card-layer="background"/><text x="60" y="200" font-size="48">${titles[1]}</text></svg>`,
      );
      return dir;
    };
    try {
      let dir = build(['Site', 'Event']);
      expect(await rasterizeCards(dir, { cacheDir: cache })).toMatchObject({ count: 3, drawn: 3 });
      const first = readFileSync(join(dir, 'events/one.png'));
      dir = build(['Site', 'Event']);
      expect(await rasterizeCards(dir, { cacheDir: cache }), 'nothing changed: nothing drawn').toMatchObject({ count: 3, drawn: 0 });
      expect(readFileSync(join(dir, 'events/one.png')).equals(first)).toBe(true);
      dir = build(['Site', 'Renamed event']);
      expect(await rasterizeCards(dir, { cacheDir: cache }), 'one title changed: one card drawn').toMatchObject({ count: 3, drawn: 1 });
      expect(readFileSync(join(dir, 'events/one.png')).equals(first)).toBe(false);
      expect(
        readdirSync(cache).filter((name) => name.endsWith('.png')),
        'the old card is forgotten',
      ).toHaveLength(3);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
