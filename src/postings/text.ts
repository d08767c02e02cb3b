/** Small pure text helpers shared by the postings parser and the startup resolver. */

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/** Removes accents and expands the ligatures NFD leaves alone (`œ`, `æ`, `ß`). Case is kept. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c);
}

/** Folds every run of whitespace (line breaks included) into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * A comparison key: accents folded, lower case, every run of characters that are
 * neither letters nor digits turned into one `-`, no leading or trailing `-`.
 * `Carnet de Bord`, `carnet.de.bord` and `carnet-de-bord` all give `carnet-de-bord`.
 */
export function slugify(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Like {@link slugify} with every separator removed: `la.communaute.de.linclusion` → `lacommunautedelinclusion`. */
export function compactKey(text: string): string {
  return slugify(text).replace(/-/g, '');
}

/** Splits a comma-separated list, ignoring commas inside parentheses; trims and drops empty items. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth += 1;
    else if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if ((char === ',' || char === ';') && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map(collapseWhitespace).filter((item) => item !== '');
}
