/**
 * A minimal PNG encoder and header reader: 8-bit RGBA, one IDAT chunk, filter type 0 on every row.
 * Enough for the app's icons, which are drawn by code (icons.ts) so that they can be regenerated and checked.
 *
 * The deflate step uses fflate (pure JavaScript) rather than node:zlib on purpose: Node bundles Chromium's zlib,
 * whose compressor chooses code paths by CPU features, so its bytes are not promised to be the same on every
 * machine. fflate's are, which lets a test compare the committed icons byte for byte with what this file makes.
 */
import { zlibSync } from 'fflate';
import { SamradError } from '../../src/core/errors';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, rows top to bottom, straight (not premultiplied) alpha. */
  readonly rgba: Uint8Array;
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colorType: number;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const COLOR_TYPE_RGBA = 6;

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zip) define it: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new TextEncoder().encode(type);
  const typed = new Uint8Array(typeBytes.length + data.length);
  typed.set(typeBytes, 0);
  typed.set(data, typeBytes.length);
  return concat([uint32(data.length), typed, uint32(crc32(typed))]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function encodePng(image: RgbaImage): Uint8Array {
  const { width, height, rgba } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || rgba.length !== width * height * 4) {
    throw new SamradError(
      'invalid-input',
      {
        sv: `Bilden kan inte kodas som PNG: ${width}×${height} bildpunkter men ${rgba.length} byte.`,
        en: `The image cannot be encoded as PNG: ${width}×${height} pixels but ${rgba.length} bytes.`,
      },
      {
        sv: 'Ge bredd × höjd × 4 byte RGBA (en byte per kanal).',
        en: 'Give width × height × 4 bytes of RGBA (one byte per channel).',
      },
    );
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = COLOR_TYPE_RGBA;
  // header[10..12]: compression 0 (deflate), filter method 0, no interlace.
  const stride = width * 4;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y += 1) {
    // Each row starts with its filter type; 0 ("None") keeps the encoder trivial and the icons are tiny anyway.
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

/** Reads the IHDR chunk of a PNG file; throws a typed error when the bytes are not a PNG. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const isPng = bytes.length >= 33 && SIGNATURE.every((value, i) => bytes[i] === value);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = isPng ? new TextDecoder().decode(bytes.subarray(12, 16)) : '';
  if (!isPng || view.getUint32(8) !== 13 || type !== 'IHDR') {
    throw new SamradError(
      'invalid-input',
      { sv: 'Filen är inte en PNG-bild.', en: 'The file is not a PNG image.' },
      {
        sv: 'Skapa ikonerna på nytt med npm run icons.',
        en: 'Generate the icons again with npm run icons.',
      },
    );
  }
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: bytes[24] ?? 0,
    colorType: bytes[25] ?? 0,
  };
}
