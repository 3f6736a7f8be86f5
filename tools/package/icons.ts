/**
 * The app's icons, drawn by code so that they are reproducible and reviewable: a speech bubble (a consultation
 * is a conversation) holding three agenda lines, in Fluent's brand blue #0F6CBD.
 *
 *   color.png     192 px  the app icon: blue rounded square, white bubble, blue lines
 *   outline.png    32 px  white bubble on transparent, lines cut out (Teams and Microsoft 365 want white on clear)
 *   button-*.png  16/32/80 px  the Outlook ribbon button: blue bubble, white lines, transparent background
 *
 * Shapes are tested on a 4 × 4 grid of samples per pixel, with exact arithmetic only (+, −, ×, comparisons; no
 * trigonometry), so the same pixels come out on every machine.
 */
import { encodePng, type RgbaImage } from './png';

export type IconStyle = 'app-color' | 'app-outline' | 'button';

export interface IconSpec {
  /** File name under manifest/icons/. */
  readonly file: string;
  readonly size: number;
  readonly style: IconStyle;
}

export const ICON_SPECS: readonly IconSpec[] = [
  { file: 'color.png', size: 192, style: 'app-color' },
  { file: 'outline.png', size: 32, style: 'app-outline' },
  { file: 'button-16.png', size: 16, style: 'button' },
  { file: 'button-32.png', size: 32, style: 'button' },
  { file: 'button-80.png', size: 80, style: 'button' },
];

type Rgba = readonly [number, number, number, number];

const BRAND_BLUE: Rgba = [0x0f, 0x6c, 0xbd, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** A shape in unit coordinates (0..1 across the icon), painted in one colour; later layers cover earlier ones. */
interface Layer {
  readonly contains: (x: number, y: number) => boolean;
  readonly paint: Rgba;
}

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): (x: number, y: number) => boolean {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + radius - x, 0, x - (x1 - radius));
    const dy = Math.max(y0 + radius - y, 0, y - (y1 - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): (x: number, y: number) => boolean {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number): number =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const s1 = side(ax, ay, bx, by, x, y);
    const s2 = side(bx, by, cx, cy, x, y);
    const s3 = side(cx, cy, ax, ay, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
}

/** The glyph in its own unit square, placed into the icon's box [from, to] on both axes. */
function glyph(from: number, to: number, bubble: Rgba, lines: Rgba): Layer[] {
  const scale = to - from;
  const place =
    (shape: (x: number, y: number) => boolean) =>
    (x: number, y: number): boolean =>
      shape((x - from) / scale, (y - from) / scale);
  const line = (y0: number, x1: number): Layer => ({
    contains: place(roundedRect(0.24, y0, x1, y0 + 0.09, 0.045)),
    paint: lines,
  });
  return [
    { contains: place(roundedRect(0.06, 0.1, 0.94, 0.72, 0.16)), paint: bubble },
    { contains: place(triangle(0.2, 0.6, 0.2, 0.9, 0.48, 0.6)), paint: bubble },
    line(0.22, 0.76),
    line(0.37, 0.66),
    line(0.52, 0.54),
  ];
}

function layersFor(style: IconStyle): Layer[] {
  switch (style) {
    case 'app-color':
      return [{ contains: roundedRect(0, 0, 1, 1, 0.22), paint: BRAND_BLUE }, ...glyph(0.2, 0.8, WHITE, BRAND_BLUE)];
    case 'app-outline':
      return glyph(0.03, 0.97, WHITE, CLEAR);
    case 'button':
      return glyph(0.03, 0.97, BRAND_BLUE, WHITE);
  }
}

const SAMPLES = 4;

export function renderIcon(size: number, style: IconStyle): RgbaImage {
  const layers = layersFor(style);
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      // Sum premultiplied colour over the samples, then divide: edges blend instead of stair-stepping.
      let alpha = 0;
      let red = 0;
      let green = 0;
      let blue = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let paint: Rgba = CLEAR;
          for (const layer of layers) if (layer.contains(x, y)) paint = layer.paint;
          alpha += paint[3];
          red += paint[0] * paint[3];
          green += paint[1] * paint[3];
          blue += paint[2] * paint[3];
        }
      }
      const at = (py * size + px) * 4;
      rgba[at + 3] = Math.round(alpha / (SAMPLES * SAMPLES));
      if (alpha > 0) {
        rgba[at] = Math.round(red / alpha);
        rgba[at + 1] = Math.round(green / alpha);
        rgba[at + 2] = Math.round(blue / alpha);
      }
    }
  }
  return { width: size, height: size, rgba };
}

/** Every icon as PNG bytes, by file name. */
export function generateIcons(): ReadonlyMap<string, Uint8Array> {
  return new Map(ICON_SPECS.map((spec) => [spec.file, encodePng(renderIcon(spec.size, spec.style))]));
}
