/**
 * The Office theme as a small plain object for the views: the body colours Office uses, and whether they make a
 * dark theme. Darkness is computed from the colours' relative luminance (WCAG 2.1) because `isDarkTheme` is not
 * set by every Outlook client.
 */
import type { OfficeApi } from './officeApi';

export interface OfficeThemeColors {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly isDark: boolean;
}

/** WCAG 2.1 relative luminance of `#rgb` or `#rrggbb`; null for anything else. */
export function relativeLuminance(color: string): number | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (hex === undefined) return null;
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = parseInt(full.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function readOfficeTheme(office: Pick<OfficeApi, 'context'>): OfficeThemeColors | null {
  const theme = office.context.officeTheme;
  if (theme === undefined || theme === null || typeof theme.bodyBackgroundColor !== 'string') return null;
  const background = relativeLuminance(theme.bodyBackgroundColor);
  if (background === null) return null;
  const foreground = typeof theme.bodyForegroundColor === 'string' ? relativeLuminance(theme.bodyForegroundColor) : null;
  return {
    bodyBackgroundColor: theme.bodyBackgroundColor,
    bodyForegroundColor: theme.bodyForegroundColor,
    // Dark when the background is darker than the text; with no readable text colour, darker than mid-grey.
    isDark: foreground === null ? background < 0.18 : background < foreground,
  };
}
