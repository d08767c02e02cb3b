/**
 * Days as job sites write them: ISO 8601 (WTTJ, strict JSON-LD), `dd/mm/yyyy` (CSP's
 * non-strict JSON-LD), and French prose ("En ligne depuis le 1er octobre 2026"), all as
 * `YYYY-MM-DD`. Instants are read as Paris days, like every date of the project.
 */
import { toDay } from '../../postings/dates';
import { foldAccents } from '../../postings/text';

const MONTHS: Record<string, number> = {
  janvier: 1, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, aout: 8, septembre: 9, octobre: 10, novembre: 11, decembre: 12,
  janv: 1, fevr: 2, fev: 2, avr: 4, juil: 7, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** A day in any of the forms above, or null. */
export function dayFromText(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  if (text === '' || text.length > 200) return null;
  const iso = toDay(text);
  if (iso) return iso;
  const numeric = /(?:^|[^\d])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d])/.exec(text);
  if (numeric) return dayOf(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const prose = /(?:^|[^\p{L}\d])(\d{1,2})(?:er)?\s+([\p{L}]+)\.?\s+(\d{4})(?![\d])/u.exec(foldAccents(text).toLowerCase());
  if (prose) {
    const month = MONTHS[prose[2]!];
    if (month) return dayOf(Number(prose[3]), month, Number(prose[1]));
  }
  return null;
}

/** A day from separate parts (CSP's `#content_startPublicationDate_day/month/year`), month as a number or a French name. */
export function dayFromParts(year: string | null, month: string | null, day: string | null): string | null {
  if (!year || !month || !day) return null;
  const monthNumber = /^\d{1,2}$/.test(month.trim()) ? Number(month.trim()) : MONTHS[foldAccents(month.trim()).toLowerCase().replace(/\.$/, '')];
  if (!monthNumber || !/^\d{4}$/.test(year.trim()) || !/^\d{1,2}$/.test(day.trim())) return null;
  return dayOf(Number(year.trim()), monthNumber, Number(day.trim()));
}

function dayOf(year: number, month: number, day: number): string | null {
  return toDay(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
