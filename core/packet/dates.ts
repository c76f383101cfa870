/**
 * Dates as patients read them, in the packet's language. ISO `YYYY-MM-DD` strings are split
 * by hand (never `new Date(text)`, which reads them as UTC midnight and can shift the day).
 */
import type { Language } from '../estimate/types';

const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** `YYYY-MM-DD` to its parts, or null when it is not a real calendar date. */
export function parseIsoDate(iso: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** "March 4, 1948" / "4 de marzo de 1948". Text that is not a date is returned as it is. */
export function formatLongDate(iso: string, language: Language): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const month = MONTHS[language][date.month - 1] ?? '';
  return language === 'es' ? `${date.day} de ${month} de ${date.year}` : `${month} ${date.day}, ${date.year}`;
}

/** `YYYY-MM-DD` to `YYYYMMDD` (for references); non-dates give `00000000`. */
export function compactDate(iso: string): string {
  const date = parseIsoDate(iso);
  if (!date) return '00000000';
  return `${date.year}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
}
