import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupFileName,
  buildBackup,
  checkBackup,
  importBackup,
  MAX_BACKUP_BYTES,
  serializeBackup,
  type BackupFile,
  type BackupProblem,
  type ImportWriter,
} from '../../src/settings/backup';
import { checkUserMarks } from '../../src/settings/marks';
import { readPopupEnvelope } from '../../src/messages';
import { defaultSettings, type Settings } from '../../src/settings/settings';
import type { SiteSettings } from '../../src/settings/sites';
import type { Alert } from '../../src/notify/alerts';
import { eraseEverything, optionalGrantedOrigins, type EraseBrowser } from '../../src/settings/erase-all';
import { deleteDatabase, mergeUserMarks, openDatabase, readUserStates, setFavourite, sharedDatabase, type UserPostingState } from '../../src/store/db';

const defaults = defaultSettings();
const NOW = new Date('2026-03-04T10:20:30.000Z');

const settings: Settings = {
  ...defaults,
  feeds: ['https://example.org/offres/index.json'],
  syncIntervalMinutes: 120,
  notifications: { ...defaults.notifications, mode: 'digest', digest: { every: 'weekly', time: '08:30', weekday: 5 }, maxPerBatch: 5 },
  language: 'en',
};
const siteSettings: SiteSettings = { disabled: ['indeed'], showSimilar: false, jobPostingSites: ['https://emplois.example.fr'] };
const alerts: Alert[] = [{ id: 'a1', query: 'développeuse python', filters: { junior: true }, createdAt: '2026-02-01T09:00:00.000Z' }];
const userStates: UserPostingState[] = [
  { key: 'github offre-a', favourite: true, seenAt: '2026-03-01T08:00:00.000Z', newSince: null },
  { key: 'github offre-b', favourite: false, seenAt: '2026-03-02T08:00:00.000Z', newSince: null },
  { key: 'github offre-c', favourite: true, seenAt: null, newSince: '2026-03-03T08:00:00.000Z' },
  { key: 'github offre-d', favourite: false, seenAt: null, newSince: '2026-03-03T08:00:00.000Z' },
];

function exported(): BackupFile {
  return buildBackup({ settings, siteSettings, alerts, userStates }, NOW);
}

/** The exported file as a JSON value, changed by `edit`, as text again. */
function edited(edit: (file: Record<string, unknown>) => void): string {
  const file = JSON.parse(serializeBackup(exported())) as Record<string, unknown>;
  edit(file);
  return JSON.stringify(file);
}

function recordingWriter(): ImportWriter & { mergeMarks: ReturnType<typeof vi.fn>; replaceStored: ReturnType<typeof vi.fn> } {
  return {
    mergeMarks: vi.fn(async (marks: { favourites: string[]; seen: unknown[] }) => ({ favourites: marks.favourites.length, seen: marks.seen.length })),
    replaceStored: vi.fn(async () => undefined),
  };
}

const fileOf = (text: string, size = new TextEncoder().encode(text).length) => ({ size, text: async () => text });

async function refused(text: string, size?: number): Promise<BackupProblem> {
  const writer = recordingWriter();
  const result = await importBackup(fileOf(text, size), defaults, writer);
  expect(writer.mergeMarks).not.toHaveBeenCalled();
  expect(writer.replaceStored).not.toHaveBeenCalled();
  if (result.ok) throw new Error('the file was accepted');
  return result.problem;
}

describe('export file', () => {
  it('holds the settings, the site settings, the alerts and the marks, never postings', () => {
    const file = exported();
    expect(file).toEqual({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: '2026-03-04T10:20:30.000Z',
      settings,
      siteSettings,
      alerts,
      favourites: ['github offre-a', 'github offre-c'],
      seen: [
        { key: 'github offre-a', seenAt: '2026-03-01T08:00:00.000Z' },
        { key: 'github offre-b', seenAt: '2026-03-02T08:00:00.000Z' },
      ],
    });
    expect(backupFileName(new Date(2026, 0, 5, 12))).toBe('beta-radar-2026-01-05.json');
  });

  it('comes back whole through an import (round trip)', async () => {
    const writer = recordingWriter();
    const result = await importBackup(fileOf(serializeBackup(exported())), defaults, writer);
    expect(result).toEqual({ ok: true, summary: { alerts: 1, favourites: 2, seen: 2, jobPostingSites: 1 } });
    expect(writer.mergeMarks).toHaveBeenCalledExactlyOnceWith({ favourites: exported().favourites, seen: exported().seen });
    expect(writer.replaceStored).toHaveBeenCalledExactlyOnceWith({ settings, siteSettings, alerts });
  });
});

describe('a broken file is refused, with its reason, before anything is written', () => {
  it('too large: refused from its size, without reading it', async () => {
    const text = vi.fn(async () => serializeBackup(exported()));
    const writer = recordingWriter();
    const result = await importBackup({ size: MAX_BACKUP_BYTES + 1, text }, defaults, writer);
    expect(result).toEqual({ ok: false, problem: { kind: 'too-large', maxBytes: MAX_BACKUP_BYTES } });
    expect(text).not.toHaveBeenCalled();
    expect(writer.mergeMarks).not.toHaveBeenCalled();
    // A text longer than the cap is refused too, whatever size it claims.
    expect(await refused(' '.repeat(MAX_BACKUP_BYTES + 1), 10)).toEqual({ kind: 'too-large', maxBytes: MAX_BACKUP_BYTES });
  });

  it('not JSON', async () => {
    expect(await refused('{"format": "beta-radar-export", ')).toEqual({ kind: 'not-json' });
    expect(await refused('')).toEqual({ kind: 'not-json' });
  });

  it('JSON that is not an export', async () => {
    expect(await refused('[1, 2, 3]')).toEqual({ kind: 'not-export' });
    expect(await refused('null')).toEqual({ kind: 'not-export' });
    expect(await refused(edited((f) => (f.format = 'other-tool')))).toEqual({ kind: 'not-export' });
    expect(await refused(edited((f) => delete f.format))).toEqual({ kind: 'not-export' });
  });

  it('versions: a newer one is refused as such, a nonsense one as a wrong field', async () => {
    expect(await refused(edited((f) => (f.version = BACKUP_VERSION + 1)))).toEqual({ kind: 'newer-version', version: BACKUP_VERSION + 1 });
    expect(await refused(edited((f) => (f.version = '1')))).toEqual({ kind: 'wrong-field', field: 'version', expected: 'number' });
    expect(await refused(edited((f) => (f.version = 0)))).toEqual({ kind: 'wrong-field', field: 'version', expected: 'number' });
    expect(await refused(edited((f) => (f.version = 1.5)))).toEqual({ kind: 'wrong-field', field: 'version', expected: 'number' });
    expect(await refused(edited((f) => delete f.version))).toEqual({ kind: 'wrong-field', field: 'version', expected: 'number' });
  });

  it('a field of the wrong type, named by its path', async () => {
    const cases: [(f: Record<string, unknown>) => void, string, string][] = [
      [(f) => (f.exportedAt = 'yesterday'), 'exportedAt', 'date'],
      [(f) => delete f.settings, 'settings', 'object'],
      [(f) => (f.settings = []), 'settings', 'object'],
      [(f) => ((f.settings as Record<string, unknown>).syncIntervalMinutes = 'often'), 'settings.syncIntervalMinutes', 'number'],
      [(f) => ((f.settings as Record<string, unknown>).feeds = ['https://a.example/', 3]), 'settings.feeds[1]', 'string'],
      [(f) => ((f.settings as { notifications: { quietHours: Record<string, unknown> } }).notifications.quietHours.enabled = 'yes'), 'settings.notifications.quietHours.enabled', 'boolean'],
      [(f) => (f.siteSettings = 'all'), 'siteSettings', 'object'],
      [(f) => ((f.siteSettings as Record<string, unknown>).jobPostingSites = 'https://a.example'), 'siteSettings.jobPostingSites', 'array'],
      [(f) => (f.alerts = {}), 'alerts', 'array'],
      [(f) => (f.alerts = [{ id: 'x' }]), 'alerts[0].query', 'string'],
      [(f) => (f.alerts = [{ id: 'x', query: 'dev', filters: { junior: 'oui' } }]), 'alerts[0].filters.junior', 'boolean'],
      [(f) => (f.alerts = ['dev']), 'alerts[0]', 'object'],
      [(f) => (f.favourites = 'github offre-a'), 'favourites', 'array'],
      [(f) => (f.favourites = ['github offre-a', 7]), 'favourites[1]', 'key'],
      [(f) => (f.favourites = ['']), 'favourites[0]', 'key'],
      [(f) => delete f.seen, 'seen', 'array'],
      [(f) => (f.seen = [{ key: 'github offre-a', seenAt: 'hier' }]), 'seen[0].seenAt', 'date'],
      [(f) => (f.seen = [{ seenAt: '2026-03-01T08:00:00.000Z' }]), 'seen[0].key', 'key'],
      [(f) => (f.seen = [null]), 'seen[0]', 'object'],
    ];
    for (const [edit, field, expected] of cases) {
      expect(await refused(edited(edit)), field).toEqual({ kind: 'wrong-field', field, expected });
    }
  });

  it('lists beyond any real use', async () => {
    expect(await refused(edited((f) => (f.favourites = Array.from({ length: 100_001 }, (_, i) => `k ${i}`))))).toEqual({
      kind: 'wrong-field',
      field: 'favourites',
      expected: 'at-most',
    });
  });
});

describe('values of the right type are repaired like stored settings', () => {
  it('clamps, drops and canonicalises instead of refusing', () => {
    const repairable = (f: Record<string, unknown>) => {
      const s = f.settings as Record<string, unknown>;
      s.syncIntervalMinutes = 5;
      s.language = 'klingon';
      s.feeds = ['javascript:alert(1)', 'https://example.org/offres/index.json'];
      delete s.notifications;
      (f.siteSettings as Record<string, unknown>).jobPostingSites = ['https://Emplois.Example.fr/offres?x=1', 'ftp://old.example'];
      f.alerts = [{ id: 'a2', query: 'designer', filters: { domaine: 'design' } }];
    };
    const repaired = checkBackup(edited(repairable), defaults);
    if (!repaired.ok) throw new Error(JSON.stringify(repaired.problem));
    expect(repaired.plan.settings.syncIntervalMinutes).toBe(30);
    expect(repaired.plan.settings.language).toBe('browser');
    expect(repaired.plan.settings.feeds).toEqual(['https://example.org/offres/index.json']);
    expect(repaired.plan.settings.notifications).toEqual(defaults.notifications);
    expect(repaired.plan.siteSettings.jobPostingSites).toEqual(['https://emplois.example.fr']);
    expect(repaired.plan.alerts).toEqual([{ id: 'a2', query: 'designer', filters: { domaine: 'Design' }, createdAt: '' }]);
    // The same file with one value of the wrong type is refused whole.
    const withWrongType = edited((f) => {
      repairable(f);
      (f.alerts as { filters: Record<string, unknown> }[])[0]!.filters.startup = 42;
    });
    expect(checkBackup(withWrongType, defaults)).toEqual({ ok: false, problem: { kind: 'wrong-field', field: 'alerts[0].filters.startup', expected: 'string' } });
  });

  it('migrates settings of version 1 found in a file', () => {
    const checked = checkBackup(edited((f) => (f.settings = { version: 1, notificationsEnabled: false, syncIntervalMinutes: 90 })), defaults);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problem));
    expect(checked.plan.settings.notifications.enabled).toBe(false);
    expect(checked.plan.settings.syncIntervalMinutes).toBe(90);
  });

  it('keeps a repeated mark once, the later seen date winning', () => {
    const checked = checkUserMarks({
      favourites: ['k 1', 'k 1'],
      seen: [
        { key: 'k 2', seenAt: '2026-03-02T08:00:00.000Z' },
        { key: 'k 2', seenAt: '2026-03-05T08:00:00.000Z' },
        { key: 'k 2', seenAt: '2026-03-01T08:00:00.000Z' },
      ],
    });
    expect(checked).toEqual({ ok: true, marks: { favourites: ['k 1'], seen: [{ key: 'k 2', seenAt: '2026-03-05T08:00:00.000Z' }] } });
  });

  it('checks the marks the options page sends the background the same way', () => {
    const marks = { favourites: ['k 1'], seen: [{ key: 'k 2', seenAt: '2026-03-05T08:00:00.000Z' }] };
    expect(readPopupEnvelope({ type: 'options/import-marks', payload: marks })).toEqual({ type: 'options/import-marks', payload: marks });
    expect(readPopupEnvelope({ type: 'options/import-marks', payload: { favourites: [1], seen: [] } })).toBeNull();
    expect(readPopupEnvelope({ type: 'options/import-marks', payload: { favourites: [] } })).toBeNull();
  });
});

describe('merging imported marks into IndexedDB', () => {
  it('stars, keeps the later seen date and clears a "new" mark seen after it, in one go', async () => {
    const db = await openDatabase();
    await setFavourite(db, 'f kept', true);
    await db.put('userState', { key: 'f newer', favourite: false, seenAt: '2026-03-09T00:00:00.000Z', newSince: null });
    await db.put('userState', { key: 'f announced', favourite: false, seenAt: null, newSince: '2026-03-01T00:00:00.000Z' });
    await db.put('userState', { key: 'f announced later', favourite: false, seenAt: null, newSince: '2026-03-20T00:00:00.000Z' });
    const counts = await mergeUserMarks(db, {
      favourites: ['f new star', 'f announced'],
      seen: [
        { key: 'f newer', seenAt: '2026-03-01T00:00:00.000Z' },
        { key: 'f announced', seenAt: '2026-03-02T00:00:00.000Z' },
        { key: 'f announced later', seenAt: '2026-03-02T00:00:00.000Z' },
      ],
    });
    expect(counts).toEqual({ favourites: 2, seen: 3 });
    const states = new Map((await readUserStates(db)).map((s) => [s.key, s]));
    expect(states.get('f kept')).toMatchObject({ favourite: true });
    expect(states.get('f new star')).toEqual({ key: 'f new star', favourite: true, seenAt: null, newSince: null });
    expect(states.get('f newer')).toMatchObject({ seenAt: '2026-03-09T00:00:00.000Z' });
    expect(states.get('f announced')).toEqual({ key: 'f announced', favourite: true, seenAt: '2026-03-02T00:00:00.000Z', newSince: null });
    expect(states.get('f announced later')).toMatchObject({ seenAt: '2026-03-02T00:00:00.000Z', newSince: '2026-03-20T00:00:00.000Z' });

    // Deleting the database closes this open connection instead of waiting on it, and the
    // background's shared connection opens again on the new database.
    const before = await sharedDatabase();
    await deleteDatabase();
    expect(await readUserStates(await openDatabase())).toEqual([]);
    const after = await sharedDatabase();
    expect(after).not.toBe(before);
    expect(await readUserStates(after)).toEqual([]);
    expect(await sharedDatabase()).toBe(after);
  });
});

describe('erase everything', () => {
  const manifest = {
    host_permissions: ['https://api.github.com/*', 'https://beta.gouv.fr/*'],
    content_scripts: [{ matches: ['https://www.linkedin.com/jobs/*'] }],
  };

  it('gives back only the origins the user granted', () => {
    const granted = ['https://api.github.com/*', 'https://www.linkedin.com/jobs/*', 'https://emplois.example.fr/*', 'https://beta.gouv.fr/*'];
    expect(optionalGrantedOrigins(granted, manifest)).toEqual(['https://emplois.example.fr/*']);
    // Firefox MV2 lists required hosts under `permissions`.
    expect(optionalGrantedOrigins(['https://api.github.com/*', 'http://x.example/*'], { permissions: ['storage', 'https://api.github.com/*'] })).toEqual([
      'http://x.example/*',
    ]);
  });

  it('clears alarms, storage, the database and the badge, removes granted origins, then starts afresh', async () => {
    const calls: string[] = [];
    const api: EraseBrowser = {
      storage: { local: { clear: async () => void calls.push('storage') } },
      alarms: { clearAll: async () => calls.push('alarms') },
      permissions: {
        getAll: async () => ({ origins: ['https://api.github.com/*', 'https://a.example/*', 'https://b.example/*'] }),
        remove: async ({ origins }) => {
          calls.push(`remove ${origins.join(' ')}`);
          if (origins.includes('https://b.example/*')) throw new Error('refused');
          return true;
        },
      },
      runtime: { getManifest: () => manifest },
    };
    const result = await eraseEverything(api, {
      deleteDatabase: async () => void calls.push('database'),
      clearBadge: async () => void calls.push('badge'),
      startAfresh: () => void calls.push('afresh'),
    });
    expect(result).toEqual({ removedOrigins: ['https://a.example/*'] });
    expect(calls).toEqual(['alarms', 'remove https://a.example/*', 'remove https://b.example/*', 'storage', 'database', 'badge', 'afresh']);
  });
});
