/**
 * Readers for untrusted field values (YAML front matter, JSON items): whatever
 * shape a value comes in, they give text, lists, flags and URLs, never throw.
 */
import { collapseWhitespace, foldAccents, splitList } from './text';

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'oui', 'o', 'vrai', 'on', '1', 'open', 'ouvert', 'ouverte']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'non', 'faux', 'off', '0', 'closed', 'close', 'ferme', 'fermee', 'pourvu', 'pourvue']);

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' ? 'map' : typeof value;
}

/** A scalar or a list as one line of text; maps and empty values give ''. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return collapseWhitespace(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (Array.isArray(value)) return value.map(asText).filter((item) => item !== '').join(', ');
  return '';
}

/** A YAML list, or a comma-separated string, as trimmed non-empty items. */
export function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).filter((item) => item !== '');
  if (typeof value === 'string') return splitList(value);
  const text = asText(value);
  return text === '' ? [] : [text];
}

export function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** A yes/no value in any of the forms met: booleans, `"true"`, `"oui"`, `"true#"`… */
export function readFlag(value: unknown): boolean | 'unknown' | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return 'unknown';
  const words = foldAccents(value).toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return value.trim() === '' ? undefined : 'unknown';
  const [word] = words;
  if (word !== undefined && TRUE_WORDS.has(word)) return true;
  if (word !== undefined && FALSE_WORDS.has(word)) return false;
  return 'unknown';
}

export function httpUrl(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
