/**
 * The export file ("Your data" in the options page): settings, job-site settings,
 * alerts and the user's marks on postings, in one JSON document. Postings are not in
 * it: the feed gives them back.
 *
 * An imported file is untrusted and is checked whole before anything is written: a
 * value of the wrong type anywhere rejects the file, naming the field, so nothing is
 * half imported. Values of the right type but out of range (an interval of 5 minutes,
 * an unknown language) are repaired by the same readers as stored settings.
 * Pure: the writes go through an injected {@link ImportWriter}.
 */
import type { Alert } from '../notify/alerts';
import { readAlerts } from '../notify/alerts';
import type { UserPostingState } from '../store/db';
import { checkUserMarks, isIsoDateTime, type UserMarks } from './marks';
import { readSettings, type Settings } from './settings';
import { readSiteSettings, type SiteSettings } from './sites';

export const BACKUP_FORMAT = 'beta-radar-export';
export const BACKUP_VERSION = 1;
/** Far above a real export (settings, a few alerts, thousands of marks: well under 1 MB). */
export const MAX_BACKUP_BYTES = 5 * 1024 * 1024;
const MAX_ALERTS = 1_000;

export interface BackupFile extends UserMarks {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings;
  siteSettings: SiteSettings;
  alerts: Alert[];
}

/** What a value should have been, as the error message says it. */
export type Expected = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'key' | 'date' | 'at-most';

/** Why a file was refused. Each kind has its own message in the options page. */
export type BackupProblem =
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'not-json' }
  | { kind: 'not-export' }
  | { kind: 'newer-version'; version: number }
  | { kind: 'wrong-field'; field: string; expected: Expected };

/** A file that passed every check, its values repaired: ready to be written. */
export interface ImportPlan {
  exportedAt: string;
  settings: Settings;
  siteSettings: SiteSettings;
  alerts: Alert[];
  marks: UserMarks;
}

/** Builds the export from what is stored (each part already read through its repairing reader). */
export function buildBackup(
  parts: { settings: Settings; siteSettings: SiteSettings; alerts: Alert[]; userStates: readonly Pick<UserPostingState, 'key' | 'favourite' | 'seenAt'>[] },
  now: Date,
): BackupFile {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: parts.settings,
    siteSettings: parts.siteSettings,
    alerts: parts.alerts,
    favourites: parts.userStates.filter((s) => s.favourite).map((s) => s.key),
    seen: parts.userStates.flatMap((s) => (s.seenAt === null ? [] : [{ key: s.key, seenAt: s.seenAt }])),
  };
}

export function serializeBackup(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** `beta-radar-2026-11-23.json`, dated in the user's own calendar. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `beta-radar-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

// ---------------------------------------------------------------------------------------------
// Checking a file

/** A field's expected JSON type; nested objects are shapes of their own, `['string']` a list of strings. */
type Shape = 'string' | 'number' | 'boolean' | readonly ['string'] | { readonly [field: string]: Shape };

/** Every settings field an export writes. A missing field takes its default; a field of another type refuses the file. */
const SETTINGS_SHAPE: Shape = {
  version: 'number',
  feeds: ['string'],
  syncIntervalMinutes: 'number',
  notifications: {
    enabled: 'boolean',
    mode: 'string',
    digest: { every: 'string', time: 'string', weekday: 'number' },
    quietHours: { enabled: 'boolean', start: 'string', end: 'string' },
    maxPerBatch: 'number',
    closingSoon: { enabled: 'boolean', daysBefore: 'number' },
  },
  language: 'string',
};

const SITE_SETTINGS_SHAPE: Shape = { disabled: ['string'], showSimilar: 'boolean', jobPostingSites: ['string'] };

const ALERT_SHAPE: Shape = {
  id: 'string',
  query: 'string',
  filters: { domaine: 'string', startup: 'string', junior: 'boolean' },
  createdAt: 'string',
};
const ALERT_REQUIRED = ['id', 'query'];

type Problem = Extract<BackupProblem, { kind: 'wrong-field' }>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrong(field: string, expected: Expected): Problem {
  return { kind: 'wrong-field', field, expected };
}

/** The first field of `value` that does not have the type `shape` gives it, or null. */
function checkShape(value: unknown, shape: Shape, field: string): Problem | null {
  if (shape === 'string' || shape === 'number' || shape === 'boolean') {
    const fits = shape === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === shape;
    return fits ? null : wrong(field, shape);
  }
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return wrong(field, 'array');
    const bad = value.findIndex((item) => typeof item !== 'string');
    return bad >= 0 ? wrong(`${field}[${bad}]`, 'string') : null;
  }
  if (!isRecord(value)) return wrong(field, 'object');
  for (const [name, inner] of Object.entries(shape as Record<string, Shape>)) {
    if (value[name] === undefined) continue;
    const problem = checkShape(value[name], inner, `${field}.${name}`);
    if (problem) return problem;
  }
  return null;
}

function checkAlerts(value: unknown): Problem | null {
  if (!Array.isArray(value)) return wrong('alerts', 'array');
  if (value.length > MAX_ALERTS) return wrong('alerts', 'at-most');
  for (const [i, alert] of value.entries()) {
    const field = `alerts[${i}]`;
    const problem = checkShape(alert, ALERT_SHAPE, field);
    if (problem) return problem;
    const missing = ALERT_REQUIRED.find((name) => (alert as Record<string, unknown>)[name] === undefined);
    if (missing) return wrong(`${field}.${missing}`, 'string');
  }
  return null;
}

/**
 * Checks a file's text and, when every field is right, gives the values to write
 * (repaired by the settings' own readers, so an import cannot store what they would refuse).
 */
export function checkBackup(text: string, defaults: Settings): { ok: true; plan: ImportPlan } | { ok: false; problem: BackupProblem } {
  // A character is at least a byte: a text this long is surely over the cap.
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, problem: { kind: 'too-large', maxBytes: MAX_BACKUP_BYTES } };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) return { ok: false, problem: { kind: 'not-export' } };
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problem: wrong('version', 'number') };
  if (version > BACKUP_VERSION) return { ok: false, problem: { kind: 'newer-version', version } };
  if (!isIsoDateTime(raw.exportedAt)) return { ok: false, problem: wrong('exportedAt', 'date') };
  const problem =
    checkShape(raw.settings, SETTINGS_SHAPE, 'settings') ?? checkShape(raw.siteSettings, SITE_SETTINGS_SHAPE, 'siteSettings') ?? checkAlerts(raw.alerts);
  if (problem) return { ok: false, problem };
  const marks = checkUserMarks(raw);
  if (!marks.ok) return { ok: false, problem: wrong(marks.problem.field, marks.problem.expected) };
  return {
    ok: true,
    plan: {
      exportedAt: raw.exportedAt,
      settings: readSettings(raw.settings, defaults),
      siteSettings: readSiteSettings(raw.siteSettings),
      alerts: readAlerts(raw.alerts),
      marks: marks.marks,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Importing

/** Where an import writes; the options page wires it to storage and the background. */
export interface ImportWriter {
  /** Adds the marks to the user's own, in one transaction; answers how many postings each list touched. */
  mergeMarks(marks: UserMarks): Promise<{ favourites: number; seen: number }>;
  /** Replaces the three stored values at once. */
  replaceStored(values: { settings: Settings; siteSettings: SiteSettings; alerts: Alert[] }): Promise<void>;
}

export interface ImportSummary {
  alerts: number;
  favourites: number;
  seen: number;
  /** Sites of the JobPosting detector named in the file: each still needs its permission granted again. */
  jobPostingSites: number;
}

/** The part of a `File` an import reads. */
export interface BackupSource {
  size: number;
  text(): Promise<string>;
}

/**
 * Reads, checks, then writes a chosen file. Nothing is written unless the whole file
 * passed. The marks go first: their transaction is all or nothing, so a failure there
 * leaves the settings untouched too.
 */
export async function importBackup(
  file: BackupSource,
  defaults: Settings,
  writer: ImportWriter,
): Promise<{ ok: true; summary: ImportSummary } | { ok: false; problem: BackupProblem }> {
  // Checked before reading, so a huge file is never loaded.
  if (file.size > MAX_BACKUP_BYTES) return { ok: false, problem: { kind: 'too-large', maxBytes: MAX_BACKUP_BYTES } };
  const checked = checkBackup(await file.text(), defaults);
  if (!checked.ok) return checked;
  const { plan } = checked;
  const merged = await writer.mergeMarks(plan.marks);
  await writer.replaceStored({ settings: plan.settings, siteSettings: plan.siteSettings, alerts: plan.alerts });
  return {
    ok: true,
    summary: { alerts: plan.alerts.length, favourites: merged.favourites, seen: merged.seen, jobPostingSites: plan.siteSettings.jobPostingSites.length },
  };
}
