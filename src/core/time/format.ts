/**
 * Dates and times as a Swedish official writes them ("12 december 2023 kl. 13.00") and their English
 * translation ("12 December 2023, 13:00"), always in the meeting's zone.
 */
import { wallTimeAt } from './zonedTime';

export type Language = 'sv' | 'en';

const MONTHS: Record<Language, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const two = (n: number): string => String(n).padStart(2, '0');

export function formatClock(instant: number, timeZone: string, language: Language): string {
  const w = wallTimeAt(instant, timeZone);
  return language === 'sv' ? `${two(w.hour)}.${two(w.minute)}` : `${two(w.hour)}:${two(w.minute)}`;
}

export function formatDate(instant: number, timeZone: string, language: Language): string {
  const w = wallTimeAt(instant, timeZone);
  return `${w.day} ${MONTHS[language][w.month - 1] ?? ''} ${w.year}`;
}

/** "12 december 2023 kl. 13.00–14.30" / "12 December 2023, 13:00–14:30" (the end's date is added if it differs). */
export function formatMeetingTime(start: number, end: number, timeZone: string, language: Language): string {
  const startDate = formatDate(start, timeZone, language);
  const endDate = formatDate(end, timeZone, language);
  const joiner = language === 'sv' ? ' kl. ' : ', ';
  const endText =
    endDate === startDate ? formatClock(end, timeZone, language) : `${endDate}${joiner}${formatClock(end, timeZone, language)}`;
  return `${startDate}${joiner}${formatClock(start, timeZone, language)}–${endText}`;
}

export function monthNames(language: Language): readonly string[] {
  return MONTHS[language];
}
