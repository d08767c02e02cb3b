/**
 * The startups registry (`startups.json`, JSON:API shape as beta.gouv.fr serves it)
 * and the resolution of a posting's free-text `startup` reference to one entry.
 * Pure: data in, data out.
 */
import { collapseWhitespace, compactKey, foldAccents, slugify } from './text';

/** `data[]` items of startups.json, as published (only the fields the project reads). */
export interface StartupResource {
  id: string;
  type?: string;
  attributes: {
    name: string;
    pitch?: string;
    link?: string;
    repository?: string;
    contact?: string;
    phases?: Array<{ name: string; start?: string; end?: string }>;
    thematiques?: string[];
    technos?: string[];
  };
  relationships?: { incubator?: { data?: { type?: string; id?: string } | null } };
}

export interface StartupsDocument {
  data: StartupResource[];
}

export interface StartupPhase {
  name: string;
  /** `YYYY-MM-DD` or '' as published. */
  start: string;
  end: string;
}

/** One startup, flattened and validated. */
export interface Startup {
  id: string;
  name: string;
  pitch: string;
  link: string | null;
  contact: string | null;
  phases: StartupPhase[];
  thematiques: string[];
  technos: string[];
  incubatorId: string | null;
}

export type StartupMatch = 'id' | 'case' | 'slug' | 'name' | 'loose';

export interface StartupResolution {
  startup: Startup;
  /** Which rule matched: exact id, id ignoring case, slugified id, display name, or a looser form (see {@link resolveStartup}). */
  how: StartupMatch;
}

export interface StartupIndex {
  readonly startups: readonly Startup[];
  readonly byId: ReadonlyMap<string, Startup>;
  readonly byLowerId: ReadonlyMap<string, Startup>;
  readonly bySlug: ReadonlyMap<string, Startup>;
  readonly byName: ReadonlyMap<string, Startup>;
  readonly byCompact: ReadonlyMap<string, Startup>;
  /** Significant word → the startups whose id or name has it. */
  readonly byWord: ReadonlyMap<string, readonly Startup[]>;
}

/** Words too common in ids and names to identify a startup on their own. */
const WEAK_WORDS = new Set(['de', 'des', 'du', 'd', 'la', 'le', 'les', 'l', 'et', 'en', 'a', 'au', 'aux', 'pour', 'un', 'une', 'fr', 'gouv', 'beta', 'api', 'www']);

/** The significant words of an id or name, singular (`locadocs` → `locadoc`). */
function significantWords(text: string): string[] {
  return slugify(text)
    .split('-')
    .filter((word) => word !== '' && !WEAK_WORDS.has(word))
    .map((word) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string').map(collapseWhitespace).filter((item) => item !== '');
}

function readStartup(item: unknown): Startup | null {
  if (!isRecord(item) || !isRecord(item.attributes)) return null;
  const id = optionalString(item.id);
  const name = optionalString(item.attributes.name);
  if (id === null || name === null) return null;
  const attributes = item.attributes;
  const phases: StartupPhase[] = Array.isArray(attributes.phases)
    ? attributes.phases.filter(isRecord).flatMap((phase) => {
        const phaseName = optionalString(phase.name);
        if (phaseName === null) return [];
        return [{ name: phaseName, start: optionalString(phase.start) ?? '', end: optionalString(phase.end) ?? '' }];
      })
    : [];
  const incubator = isRecord(item.relationships) && isRecord(item.relationships.incubator) ? item.relationships.incubator.data : null;
  const link = optionalString(attributes.link);
  return {
    id,
    name: collapseWhitespace(name),
    pitch: optionalString(attributes.pitch) ?? '',
    link: link !== null && /^https?:\/\//i.test(link) ? link : null,
    contact: optionalString(attributes.contact),
    phases,
    thematiques: stringList(attributes.thematiques),
    technos: stringList(attributes.technos),
    incubatorId: isRecord(incubator) ? optionalString(incubator.id) : null,
  };
}

/**
 * Reads an untrusted startups.json document. Entries without a string `id` and
 * `attributes.name` are skipped, as are repeated ids (first kept); anything that
 * is not a `{ data: [...] }` document gives an empty list.
 */
export function readStartupsRegistry(json: unknown): Startup[] {
  if (!isRecord(json) || !Array.isArray(json.data)) return [];
  const seen = new Set<string>();
  const startups: Startup[] = [];
  for (const item of json.data) {
    const startup = readStartup(item);
    if (startup === null || seen.has(startup.id)) continue;
    seen.add(startup.id);
    startups.push(startup);
  }
  return startups;
}

/** Adds `key → startup` unless the key is empty or already taken (first startup wins: ids before names). */
function addKey(map: Map<string, Startup>, key: string, startup: Startup): void {
  if (key !== '' && !map.has(key)) map.set(key, startup);
}

export function buildStartupIndex(startups: readonly Startup[]): StartupIndex {
  const byId = new Map<string, Startup>();
  const byLowerId = new Map<string, Startup>();
  const bySlug = new Map<string, Startup>();
  const byName = new Map<string, Startup>();
  const byCompact = new Map<string, Startup>();
  const byWord = new Map<string, Startup[]>();
  for (const startup of startups) {
    addKey(byId, startup.id, startup);
    addKey(byLowerId, startup.id.toLowerCase(), startup);
    addKey(bySlug, slugify(startup.id), startup);
    addKey(byCompact, compactKey(startup.id), startup);
  }
  // Names after every id, so that an id always wins over another startup's name.
  for (const startup of startups) {
    addKey(byName, slugify(startup.name), startup);
    addKey(byCompact, compactKey(startup.name), startup);
    for (const word of new Set([...significantWords(startup.id), ...significantWords(startup.name)])) {
      const list = byWord.get(word);
      if (list) list.push(startup);
      else byWord.set(word, [startup]);
    }
  }
  return { startups, byId, byLowerId, bySlug, byName, byCompact, byWord };
}

/**
 * Cleans a reference as written in a posting: a Markdown file name (`itou.md`),
 * a wrapping pair of quotes.
 */
function cleanRef(ref: string): string {
  return collapseWhitespace(ref)
    .replace(/^(["'])(.*)\1$/, '$2')
    .replace(/\.md$/i, '')
    .trim();
}

/**
 * Finds the startup a posting's `startup` value names. Rules, strictest first:
 * `id` exact id; `case` id ignoring case; `slug` same slug as an id (accents
 * folded, any run of punctuation or spaces is one `-`: `carnet.de.bord` =
 * `carnet-de-bord`); `name` same slug as a display name; `loose` same letters and
 * digits once every separator is dropped, against ids and names
 * (`la communaute de linclusion` = `la.communaute.de.linclusion`), after removing
 * a `.md` ending or wrapping quotes; and last, every significant word of the
 * reference (common words such as `de`, `gouv`, `beta` aside; plural `s` ignored;
 * at least one word of 4 letters or more) found in the id or name of exactly one
 * startup (`Locadoc` = `locadocs`, `egalim` = `ma-cantine-egalim`). Null when
 * nothing matches: no per-posting table, no guessing beyond.
 */
export function resolveStartup(index: StartupIndex, ref: string | null): StartupResolution | null {
  if (ref === null) return null;
  const raw = ref.trim();
  if (raw === '') return null;
  const exact = index.byId.get(raw);
  if (exact) return { startup: exact, how: 'id' };
  const byCase = index.byLowerId.get(raw.toLowerCase());
  if (byCase) return { startup: byCase, how: 'case' };
  const slug = slugify(raw);
  const bySlug = index.bySlug.get(slug);
  if (bySlug) return { startup: bySlug, how: 'slug' };
  const byName = index.byName.get(slug);
  if (byName) return { startup: byName, how: 'name' };
  const cleaned = cleanRef(raw);
  for (const candidate of [slugify(cleaned)]) {
    const again = index.bySlug.get(candidate) ?? index.byName.get(candidate);
    if (again) return { startup: again, how: 'loose' };
  }
  const loose = index.byCompact.get(compactKey(cleaned));
  if (loose) return { startup: loose, how: 'loose' };
  // Every significant word of the reference (singular) found in exactly one startup's id or name.
  const words = [...new Set(significantWords(cleaned))];
  if (words.length === 0 || !words.some((word) => word.length >= 4)) return null;
  let candidates: readonly Startup[] | null = null;
  for (const word of words) {
    const holders = index.byWord.get(word) ?? [];
    candidates = candidates === null ? holders : candidates.filter((startup) => holders.includes(startup));
    if (candidates.length === 0) return null;
  }
  const [only] = candidates ?? [];
  return candidates?.length === 1 && only ? { startup: only, how: 'loose' } : null;
}

/** Accents and case folded, every run of other characters one space, padded: whole words compare as ` word `. */
function wordKey(text: string): string {
  const words = foldAccents(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words === '' ? '' : ` ${words} `;
}

/** Names shorter than this (letters and digits) say too little to be recognised in free text (`Zen`, `GPS`). */
const MIN_RECOGNISED_LENGTH = 4;

/**
 * The id of the startup d'État whose name (or id) `text` names as whole words, accents, case
 * and punctuation aside (`Développeur·se – Trackdéchets` names `Trackdéchets`), or null.
 * Names of fewer than 4 letters and digits are never recognised; when several are named, the
 * longest name wins (`Aides Jeunes` over `Aides`), then the registry's order. For offers read
 * from job sites, whose title or first lines name the startup but have no `startup` field.
 */
export function recogniseStartupIn(index: StartupIndex, text: string): string | null {
  const haystack = wordKey(text);
  if (haystack === '') return null;
  let best: RecognisableName | null = null;
  for (const candidate of recognisableNames(index)) {
    if (best !== null && candidate.length <= best.length) continue;
    if (haystack.includes(candidate.key)) best = candidate;
  }
  return best?.id ?? null;
}

interface RecognisableName {
  id: string;
  /** {@link wordKey} of the name. */
  key: string;
  /** Letters and digits in the name. */
  length: number;
}

const recognisable = new WeakMap<StartupIndex, RecognisableName[]>();

/** Every startup's name and id as whole-word keys, computed once per index. */
function recognisableNames(index: StartupIndex): RecognisableName[] {
  const cached = recognisable.get(index);
  if (cached) return cached;
  const names: RecognisableName[] = [];
  for (const startup of index.startups) {
    for (const name of [startup.name, startup.id]) {
      const length = compactKey(name).length;
      const key = wordKey(name);
      if (length >= MIN_RECOGNISED_LENGTH && key !== '') names.push({ id: startup.id, key, length });
    }
  }
  recognisable.set(index, names);
  return names;
}
