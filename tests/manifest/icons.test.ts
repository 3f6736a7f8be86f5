/**
 * The icons: the committed PNGs are exactly what the generator draws, each has the size Microsoft 365 requires
 * (read from its IHDR chunk), decodes with an independent inflate (node:zlib) to the drawn pixels, and the
 * outline icon is white on transparent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SamradError } from '../../src/core/errors';
import { generateIcons, ICON_SPECS, renderIcon, type IconSpec } from '../../tools/package/icons';
import { buildManifest } from '../../tools/package/manifest';
import { ICONS_DIR, MANIFEST_DIR } from '../../tools/package/paths';
import { crc32, encodePng, readPngHeader, type RgbaImage } from '../../tools/package/png';
import { CONFIG, readTemplate } from './support';

const committed = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(ICONS_DIR, file)));

/** The image data of a PNG written by encodePng: concatenated IDAT, inflated, filter bytes removed. */
function decode(bytes: Uint8Array): RgbaImage {
  const { width, height } = readPngHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const idat: Uint8Array[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    expect(view.getUint32(at + 8 + length)).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
  expect(raw.length).toBe(height * (width * 4 + 1));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.rgba.subarray(at, at + 4)];
}

describe('the PNG encoder', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('round-trips an image through an independent decoder', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const image: RgbaImage = { width: 3, height: 2, rgba };
    const png = encodePng(image);
    expect(readPngHeader(png)).toEqual({ width: 3, height: 2, bitDepth: 8, colorType: 6 });
    expect(decode(png)).toEqual(image);
  });

  it('refuses pixels that do not fit the size, and a file that is not a PNG', () => {
    expect(() => encodePng({ width: 2, height: 2, rgba: new Uint8Array(15) })).toThrow(SamradError);
    expect(() => encodePng({ width: 0, height: 2, rgba: new Uint8Array(0) })).toThrow(SamradError);
    expect(() => readPngHeader(new TextEncoder().encode('GIF89a, not a PNG at all, really not'))).toThrow(SamradError);
    expect(() => readPngHeader(new Uint8Array(8))).toThrow(SamradError);
  });
});

describe('the committed icons', () => {
  const generated = generateIcons();

  it.each(ICON_SPECS.map((spec) => [spec.file, spec] as const))('%s is what the generator draws', (file) => {
    expect(Buffer.from(committed(file)).equals(Buffer.from(generated.get(file) ?? new Uint8Array(0)))).toBe(true);
  });

  it.each(ICON_SPECS.map((spec) => [spec.file, spec] as const))(
    '%s has the required size, 8-bit RGBA',
    (file, spec: IconSpec) => {
      expect(readPngHeader(committed(file))).toEqual({ width: spec.size, height: spec.size, bitDepth: 8, colorType: 6 });
    },
  );

  it.each(ICON_SPECS.map((spec) => [spec.file, spec] as const))('%s decodes to the drawn pixels', (file, spec: IconSpec) => {
    expect(decode(committed(file))).toEqual(renderIcon(spec.size, spec.style));
  });

  it('are the sizes Microsoft 365 requires: color 192, outline 32, the Outlook button 16, 32 and 80', () => {
    const sizes = Object.fromEntries(ICON_SPECS.map((spec) => [spec.file, spec.size]));
    expect(sizes).toEqual({ 'color.png': 192, 'outline.png': 32, 'button-16.png': 16, 'button-32.png': 32, 'button-80.png': 80 });
  });

  it('are the files the manifest points to', () => {
    const manifest = buildManifest(readTemplate(), CONFIG);
    expect(manifest.icons).toEqual({ color: 'icons/color.png', outline: 'icons/outline.png' });
    for (const file of ['icons/color.png', 'icons/outline.png']) {
      expect(() => readFileSync(path.join(MANIFEST_DIR, file))).not.toThrow();
    }
    const buttonUrls = JSON.stringify(manifest).match(/icons\/button-\d+\.png/g) ?? [];
    expect(new Set(buttonUrls)).toEqual(new Set(['icons/button-16.png', 'icons/button-32.png', 'icons/button-80.png']));
  });

  it('outline is white on transparent, with the agenda lines cut out', () => {
    const image = decode(committed('outline.png'));
    let opaque = 0;
    let clear = 0;
    for (let i = 0; i < image.rgba.length; i += 4) {
      const alpha = image.rgba[i + 3] ?? 0;
      if (alpha > 0) expect([...image.rgba.subarray(i, i + 3)]).toEqual([255, 255, 255]);
      if (alpha === 255) opaque += 1;
      if (alpha === 0) clear += 1;
    }
    expect(opaque).toBeGreaterThan(200);
    expect(clear).toBeGreaterThan(200);
    expect(pixel(image, 0, 31)[3]).toBe(0);
    expect(pixel(image, 12, 9)[3]).toBe(0); // inside the first agenda line
    expect(pixel(image, 6, 6)[3]).toBe(255); // the bubble
  });

  it('color is the brand blue square with a white bubble and transparent corners', () => {
    const image = decode(committed('color.png'));
    expect(pixel(image, 0, 0)[3]).toBe(0);
    expect(pixel(image, 10, 96)).toEqual([0x0f, 0x6c, 0xbd, 255]);
    expect(pixel(image, 56, 96)).toEqual([255, 255, 255, 255]);
  });

  it('button icons are a blue bubble on transparent', () => {
    for (const size of [16, 32, 80]) {
      const image = decode(committed(`button-${size}.png`));
      expect(pixel(image, 0, size - 1)[3]).toBe(0);
      // Glyph point (0.85, 0.45): inside the bubble, right of the agenda lines; the glyph spans 0.03..0.97.
      const [x, y] = [0.85, 0.45].map((g) => Math.floor((0.03 + 0.94 * g) * size)) as [number, number];
      expect(pixel(image, x, y)).toEqual([0x0f, 0x6c, 0xbd, 255]);
    }
  });
});
