/**
 * Data a server-rendered page embeds for its scripts (`window.__INITIAL_DATA__ = "<JSON as a
 * JavaScript string>"`): the most stable thing a React page says, since it comes from the
 * site's API rather than from its markup. Untrusted: the string literal is decoded by hand
 * (never evaluated), parsed with `JSON.parse`, and walked with limits.
 */
import type { Selectors } from './types';

/** Scripts beyond this size are not read (a WTTJ page's data is a few hundred kB). */
const MAX_SCRIPT_LENGTH = 8_000_000;
const MAX_DEPTH = 12;
const MAX_NODES = 200_000;

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a page's inline script assigns to `window.<variable>` (or a bare `<variable> =`), or null. */
export function readInitialData(document: Document, variable: string): unknown {
  if (!/^[A-Za-z_$][\w$]*$/.test(variable)) return null;
  const assignment = new RegExp(`(?:window\\.|\\b)${variable.replace(/\$/g, '\\$')}\\s*=\\s*`, 'g');
  for (const script of Array.from(document.querySelectorAll('script:not([src])'))) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (type !== '' && !/javascript|^module$/.test(type)) continue;
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_LENGTH || !text.includes(variable)) continue;
    assignment.lastIndex = 0;
    // The first assignment whose value reads (`x.__INITIAL_DATA__ === undefined` is a test, not one).
    for (let match = assignment.exec(text), tries = 0; match && tries < 10; match = assignment.exec(text), tries++) {
      const value = valueAt(text, match.index + match[0].length);
      if (value !== undefined) return value;
    }
  }
  return null;
}

/** The JSON value written at `start`: a JavaScript string holding JSON, or a JSON object/array literal. */
function valueAt(text: string, start: number): unknown {
  const quote = text[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    const literal = stringLiteralAt(text, start);
    if (literal === null) return undefined;
    return parseJson(literal);
  }
  if (quote === '{' || quote === '[') {
    // A literal object: up to the end of the statement (`;` then a line end, or the script's end).
    const end = text.slice(start).search(/;\s*(\n|$)|\n\s*window\./);
    return parseJson(end < 0 ? text.slice(start) : text.slice(start, start + end));
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes the JavaScript string literal starting at `start` (its quote), or null when it does not end. */
export function stringLiteralAt(text: string, start: number): string | null {
  const quote = text[start]!;
  const parts: string[] = [];
  let runStart = start + 1;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === quote) {
      parts.push(text.slice(runStart, i));
      return parts.join('');
    }
    if (quote !== '`' && (char === '\n' || char === '\r')) return null;
    if (quote === '`' && char === '$' && text[i + 1] === '{') return null; // a template with code: not data
    if (char !== '\\') continue;
    parts.push(text.slice(runStart, i));
    const next = text[i + 1];
    if (next === undefined) return null;
    let consumed = 1;
    if (next === 'x') {
      const hex = text.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      parts.push(String.fromCharCode(parseInt(hex, 16)));
      consumed = 3;
    } else if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(i + 2, i + 10));
      const plain = text.slice(i + 2, i + 6);
      if (braced) {
        const code = parseInt(braced[1]!, 16);
        if (code > 0x10ffff) return null;
        parts.push(String.fromCodePoint(code));
        consumed = 1 + braced[0].length;
      } else if (/^[0-9a-fA-F]{4}$/.test(plain)) {
        parts.push(String.fromCharCode(parseInt(plain, 16)));
        consumed = 5;
      } else {
        return null;
      }
    } else if (next === '\r' || next === '\n') {
      consumed = next === '\r' && text[i + 2] === '\n' ? 2 : 1; // a line continuation
    } else {
      parts.push(SIMPLE_ESCAPES[next] ?? next);
    }
    i += consumed;
    runStart = i + 1;
  }
  return null;
}

/** The value at a dotted path (`organization.slug`); an array on the way is read at its first item. */
export function valueAtPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current[0];
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The first of `paths` giving a non-empty string (numbers as written), trimmed. */
export function stringAt(value: unknown, paths: Selectors): string | null {
  for (const path of paths) {
    let found = valueAtPath(value, path);
    if (Array.isArray(found)) found = found[0];
    if (typeof found === 'number' && Number.isFinite(found)) return String(found);
    if (typeof found === 'string' && found.trim() !== '') return found.trim();
  }
  return null;
}

export function numberAt(value: unknown, paths: Selectors): number | null {
  for (const path of paths) {
    const found = valueAtPath(value, path);
    if (typeof found === 'number' && Number.isFinite(found)) return found;
    if (typeof found === 'string' && /^\d{1,9}$/.test(found.trim())) return Number(found.trim());
  }
  return null;
}

/**
 * The places of a React-Query cache where data sits: each `queries[].state.data`, or the whole
 * value when it has no such list.
 */
export function queryData(data: unknown): unknown[] {
  if (isRecord(data) && Array.isArray(data.queries)) {
    return data.queries.slice(0, 500).map((query) => (isRecord(query) && isRecord(query.state) ? query.state.data : undefined)).filter((item) => item !== undefined);
  }
  return data === null || data === undefined ? [] : [data];
}

/**
 * Every object under `root` (depth-first, document order) for which `accept` holds, within the
 * depth and node limits. Objects accepted are not searched further.
 */
export function findObjects(root: unknown, accept: (node: JsonRecord, parent: JsonRecord | null, key: string | null) => boolean): JsonRecord[] {
  const found: JsonRecord[] = [];
  let visited = 0;
  const walk = (value: unknown, depth: number, parent: JsonRecord | null, key: string | null) => {
    if (depth > MAX_DEPTH || visited >= MAX_NODES || typeof value !== 'object' || value === null) return;
    visited++;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1, parent, key);
      return;
    }
    const node = value as JsonRecord;
    if (accept(node, parent, key)) {
      found.push(node);
      return;
    }
    for (const [childKey, child] of Object.entries(node)) walk(child, depth + 1, node, childKey);
  };
  walk(root, 0, null, null);
  return found;
}
