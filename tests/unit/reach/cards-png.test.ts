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
    const png = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#fff"/><text x="2" y="15" font-family="sans-serif" font-size="14">Aé</text></svg>');
    const { width, height, pixel } = decode(png);
    expect([width, height]).toEqual([40, 20]);
    const dark = Array.from({ length: 40 * 20 }, (_, i) => pixel(i % 40, Math.floor(i / 40))).filter(([r]) => r < 128).length;
    expect(dark, 'the text is drawn (fonts found without the system)').toBeGreaterThan(10);
  });
});
