// The feed's whole history (../shared/corpus/beta.gouv.fr/history, 1,542 states) replayed through
// the real sync: the GitHub source of the default feed URL, its real HTTP code against a local
// server that answers like GitHub, syncSource, and IndexedDB (fake-indexeddb), one database for
// the whole replay, each sync at its commit's date. What the sync announces is compared step by
// step with an independent computation that uses no database and no sync code.

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_FEED_URL, sourceForUrl } from '../../src/feed/source';
import { parsePosting } from '../../src/postings/parse';
import { isOpenAt } from '../../src/postings/status';
import type { Posting } from '../../src/postings/types';
import { openDatabase, takeAnnouncements, type Database, type PendingAnnouncement } from '../../src/store/db';
import { syncSource, type SyncResult } from '../../src/sync/run';
import { startLocalGitHub, trafficDelta, type LocalGitHub, type TrafficCounts } from '../helpers/local-github';
import { blobReader, readTimeline, type TimelineStep } from '../helpers/timeline';

const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));
const NOTIFICATIONS_FILE = `${RESULTS_DIR}replay-notifications.jsonl`;

const timeline = readTimeline();
const blob = blobReader();
const idOf = (path: string) => (path.endsWith('.md') ? path.slice(0, -3) : path);

// ---------------------------------------------------------------------------------------------
// The independent computation: walk the timeline, no database, no sync code.

interface ModelStep {
  commit: string;
  /** Keys open after the step. */
  open: Set<string>;
  /** Open after the step, and absent or not open after the previous one. */
  fresh: string[];
}

/**
 * A version that does not `read` keeps the key's last good state (across removals too); a key
 * that never had one is not open. `keyOf` says what one posting is (its path, or its id).
 */
function runModel<S>(keyOf: (path: string) => string, read: (path: string, text: string) => S | null, isOpen: (state: S, at: Date) => boolean): ModelStep[] {
  const listed = new Map<string, string>(); // path → key
  const good = new Map<string, S>();
  let previous = new Set<string>();
  const memo = new Map<string, S | null>();
  return timeline.map((step) => {
    for (const change of step.changes) {
      if (change.op === 'D') {
        listed.delete(change.path);
        continue;
      }
      const key = keyOf(change.path);
      listed.set(change.path, key);
      const memoKey = `${change.path}\0${change.blob}`;
      if (!memo.has(memoKey)) memo.set(memoKey, read(change.path, blob(change.blob!)));
      const state = memo.get(memoKey);
      if (state) good.set(key, state);
    }
    const at = new Date(step.date);
    const open = new Set<string>();
    for (const key of listed.values()) {
      const state = good.get(key);
      if (state !== undefined && isOpen(state, at)) open.add(key);
    }
    const fresh = [...open].filter((key) => !previous.has(key)).sort();
    previous = open;
    return { commit: step.commit, open, fresh };
  });
}

/** The project's reading: parsePosting (lenient recovery) and isOpenAt on the commit's date. */
const lenientRead = (path: string, text: string): Posting | null => {
  const result = parsePosting(path, text);
  return result.ok ? result.posting : null;
};
const lenientOpen = (posting: Posting, at: Date) => isOpenAt(posting, at);

/** The issue's reading: strict YAML (unique keys), open = `open` is true or "true". */
function strictFrontMatter(text: string): Record<string, unknown> | null {
  const start = /^---\r?\n/.exec(text);
  if (!start) return null;
  const rest = text.slice(start[0].length);
  const end = rest.search(/^---\s*$/m);
  try {
    const data: unknown = parseYaml(end === -1 ? rest : rest.slice(0, end));
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
const strictRead = (_path: string, text: string) => strictFrontMatter(text);
const strictOpen = (data: Record<string, unknown>) => data.open === true || data.open === 'true';

const total = (steps: ModelStep[]) => steps.slice(1).reduce((sum, s) => sum + s.fresh.length, 0);

// ---------------------------------------------------------------------------------------------
// The replay through the real code.

interface ReplayStep {
  step: TimelineStep;
  result: SyncResult;
  announcements: PendingAnnouncement[];
  traffic: TrafficCounts;
}

let local: LocalGitHub;
let db: Database;
let sourceId: string;
const replay: ReplayStep[] = [];
let replayMs = 0;

beforeAll(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  local = await startLocalGitHub([]);
  vi.stubGlobal('fetch', local.fetch);
  const source = sourceForUrl(DEFAULT_FEED_URL);
  sourceId = source.id;
  const started = performance.now();
  for (const step of timeline) {
    for (const change of step.changes) {
      if (change.op === 'D') local.feed.files.delete(change.path);
      else local.feed.files.set(change.path, blob(change.blob!));
    }
    const before = local.traffic();
    const result = await syncSource(db, source, { now: () => new Date(step.date) });
    const announcements = await takeAnnouncements(db);
    replay.push({ step, result, announcements, traffic: trafficDelta(local.traffic(), before) });
  }
  replayMs = performance.now() - started;

  const prefix = `${sourceId} `;
  const lines = replay.map(({ step, result }, index) => {
    const fresh = index === 0 ? [] : result.changes.newOffers.map((key) => key.slice(prefix.length));
    return JSON.stringify({ commit: step.commit, new: fresh });
  });
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(NOTIFICATIONS_FILE, `${lines.join('\n')}\n`);
  console.log(`replay: ${timeline.length} syncs in ${(replayMs / 1000).toFixed(1)} s (${(replayMs / timeline.length).toFixed(1)} ms per sync), written to ${NOTIFICATIONS_FILE}`);
}, 300_000);

afterAll(async () => {
  vi.unstubAllGlobals();
  db?.close();
  await local?.close();
});

/** The ids a step announced, from the announcement store. */
function announcedIds(entry: ReplayStep): string[] {
  const prefix = `${sourceId} `;
  return entry.announcements.flatMap((a) => (a.kind === 'offers' ? a.postingKeys.map((k) => k.slice(prefix.length)) : [])).sort();
}

describe('history replay through the real sync', () => {
  it('replays 1,542 states; the first sync is silent and leaves a single summary', () => {
    expect(replay).toHaveLength(1542);
    const [first, ...rest] = replay;
    expect(first!.result.firstSync).toBe(true);
    expect(first!.announcements).toHaveLength(1);
    expect(first!.announcements[0]).toMatchObject({ kind: 'summary', postingKeys: [] });
    console.log(`first state: ${first!.result.listed} files, ${first!.result.openCount} open (summed up, not announced)`);
    for (const entry of rest) {
      expect(entry.result.firstSync).toBe(false);
      expect(entry.result.notModified).toBe(false);
      // At most one announcement per sync, and exactly the run's new offers.
      expect(entry.announcements.length).toBeLessThanOrEqual(1);
      expect(announcedIds(entry)).toEqual(entry.result.changes.newOffers.map((k) => k.slice(sourceId.length + 1)).sort());
    }
  });

  it('(a) announces, step by step, exactly what the independent computation finds', () => {
    const model = runModel(idOf, lenientRead, lenientOpen);
    const mismatches: string[] = [];
    replay.forEach((entry, index) => {
      if (index === 0) return;
      const expected = model[index]!.fresh;
      const actual = announcedIds(entry);
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        mismatches.push(`${entry.step.commit.slice(0, 8)} ${entry.step.date}: expected ${JSON.stringify(expected)}, announced ${JSON.stringify(actual)}`);
      }
    });
    const announced = replay.slice(1).reduce((sum, entry) => sum + announcedIds(entry).length, 0);
    const perStep = Math.max(...replay.slice(1).map((entry) => announcedIds(entry).length));
    console.log(
      `(a) new-offer announcements over the ${replay.length - 1} states after the install: ${announced} (independent computation by posting id: ${total(model)}; at most ${perStep} in one step; ${model[0]!.fresh.length} open at the install)`,
    );
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    expect(mismatches).toEqual([]);
    expect(announced).toBe(total(model));
  });

  it('(b) never announces an offer twice for one opening', () => {
    const model = runModel(idOf, lenientRead, lenientOpen);
    const lastAnnounced = new Map<string, number>();
    const closedAt = new Map<string, number[]>(); // id → steps after which the sync saw it closed or gone
    const doubles: string[] = [];
    replay.forEach((entry, index) => {
      for (const key of entry.result.changes.closed) {
        const id = key.slice(sourceId.length + 1);
        closedAt.set(id, [...(closedAt.get(id) ?? []), index]);
      }
      for (const id of announcedIds(entry)) {
        const last = lastAnnounced.get(id);
        if (last !== undefined) {
          const closedBetween = (closedAt.get(id) ?? []).some((k) => k > last && k < index);
          const notOpenBetween = model.slice(last + 1, index).some((s) => !s.open.has(id));
          if (!closedBetween || !notOpenBetween) doubles.push(`${id}: announced at steps ${last} and ${index} (sync saw it close in between: ${closedBetween}; model: ${notOpenBetween})`);
        }
        lastAnnounced.set(id, index);
      }
    });
    const reannounced = replay.slice(1).reduce((n, e) => n + announcedIds(e).length, 0) - lastAnnounced.size;
    console.log(`(b) ids announced: ${lastAnnounced.size}, of which announced again after closing: ${reannounced} announcements`);
    expect(doubles).toEqual([]);
  });

  it("(c) the issue's figure, 558, comes from strict YAML, open = true|\"true\", one posting per path", () => {
    const strictByPath = runModel((p) => p, strictRead, strictOpen);
    const lenientByPath = runModel((p) => p, lenientRead, lenientOpen);
    const strictById = runModel(idOf, strictRead, strictOpen);
    const lenientById = runModel(idOf, lenientRead, lenientOpen);
    console.log(
      `(c) new-offer events after the install — strict YAML by path (the issue): ${total(strictByPath)}; lenient by path: ${total(lenientByPath)}; strict by id: ${total(strictById)}; lenient by id (the sync): ${total(lenientById)}. With the install's ${strictByPath[0]!.fresh.length}: ${total(strictByPath) + strictByPath[0]!.fresh.length} (the README's 569).`,
    );

    // Layer 1, same keys (paths), different reading: strict YAML + `open` only vs parsePosting + isOpenAt.
    const lastText = new Map<string, string>();
    const explain = (path: string, at: Date): string => {
      const text = lastText.get(path);
      if (text === undefined) return 'absent';
      const strict = strictFrontMatter(text);
      const lenient = parsePosting(path, text);
      const reasons: string[] = [];
      if (!strict) reasons.push(lenient.ok && lenient.recovered ? 'strict YAML refuses it, parsePosting recovers it (duplicate key)' : 'strict YAML refuses it');
      if (lenient.ok) {
        const p = lenient.posting;
        if (p.closedReason === 'filled') reasons.push('poste_pourvu');
        if (p.closedReason === 'closed-flag') reasons.push('poste_ferme: true');
        if (p.openFlag && !isOpenAt(p, at)) reasons.push(p.depublicationDate ? `depublication_date ${p.depublicationDate} passed` : `poste_ferme deadline ${p.applicationDeadline} passed`);
        if (strict && !strictOpen(strict) && p.openFlag) reasons.push(strict.open === undefined ? 'no `open`, `status` says open' : `open: ${JSON.stringify(strict.open)}`);
      } else {
        reasons.push(`parsePosting rejects it (${lenient.error.code})`);
      }
      return reasons.join(', ') || 'earlier state differs';
    };
    const onlyStrict: string[] = [];
    const onlyLenient: string[] = [];
    timeline.forEach((step, index) => {
      for (const change of step.changes) {
        if (change.op === 'D') lastText.delete(change.path);
        else lastText.set(change.path, blob(change.blob!));
      }
      if (index === 0) return;
      const s = new Set(strictByPath[index]!.fresh);
      const l = new Set(lenientByPath[index]!.fresh);
      const at = new Date(step.date);
      const head = `${step.commit.slice(0, 8)} ${step.date.slice(0, 10)}`;
      for (const path of s) if (!l.has(path)) onlyStrict.push(`${head} ${idOf(path)} — ${lenientByPath[index]!.open.has(path) ? 'parsePosting: already open before' : `parsePosting: not open (${explain(path, at)})`}`);
      for (const path of l) if (!s.has(path)) onlyLenient.push(`${head} ${idOf(path)} — ${strictByPath[index]!.open.has(path) ? 'strict: already open before' : `strict: not open (${explain(path, at)})`}`);
    });
    console.log(`(c) strict vs lenient reading (both by path): ${onlyStrict.length} events only strict, ${onlyLenient.length} only lenient`);
    for (const line of onlyStrict) console.log(`   only strict:  ${line}`);
    for (const line of onlyLenient) console.log(`   only lenient: ${line}`);

    // Layer 2, same reading, different keys: a renamed file (`x` → `x.md`) is a new path, not a new posting.
    const renames: string[] = [];
    timeline.forEach((step, index) => {
      if (index === 0) return;
      const byId = new Set(lenientById[index]!.fresh);
      for (const path of lenientByPath[index]!.fresh) if (!byId.has(idOf(path))) renames.push(`${step.commit.slice(0, 8)} ${step.date.slice(0, 10)} ${path}`);
      const byPathIds = new Set(lenientByPath[index]!.fresh.map(idOf));
      for (const id of byId) if (!byPathIds.has(id)) renames.push(`${step.commit.slice(0, 8)} ${id} (only by id!)`);
    });
    console.log(`(c) by path vs by posting id (lenient): ${renames.length} events are a file renamed to the same posting id, announced by path but not by id:`);
    for (const line of renames) console.log(`   ${line}`);

    expect(total(strictByPath)).toBe(558);
    expect(total(lenientByPath) - total(lenientById)).toBe(renames.length);
    expect(total(lenientByPath) - total(strictByPath)).toBe(onlyLenient.length - onlyStrict.length);
  });

  it('(d) request economy: one tree request per state, each new version fetched once', () => {
    const traffic = local.traffic();
    const steps = replay.length;
    // Independent count of the versions the sync has to fetch: a version is fetched when it is
    // neither the posting's stored (last good) version nor the version last refused for it; a
    // refused version is forgotten once the feed lists another version of the file, or none.
    const stored = new Map<string, string>();
    const refused = new Map<string, string>();
    const listed = new Map<string, string>(); // path → blob
    let expectedRaw = 0;
    const distinctPathBlob = new Set<string>();
    const distinctIdBlob = new Set<string>();
    for (const step of timeline) {
      for (const change of step.changes) {
        if (change.op === 'D') listed.delete(change.path);
        else listed.set(change.path, change.blob!);
      }
      const byId = new Map([...listed].map(([path, sha]) => [idOf(path), { path, sha }]));
      for (const [id, { path, sha }] of byId) {
        distinctPathBlob.add(`${path}\0${sha}`);
        distinctIdBlob.add(`${id}\0${sha}`);
        if (stored.get(id) === sha || refused.get(id) === sha) continue;
        expectedRaw++;
        if (parsePosting(path, blob(sha)).ok) stored.set(id, sha);
        else refused.set(id, sha);
      }
      for (const [id, sha] of refused) if (byId.get(id)?.sha !== sha) refused.delete(id);
    }
    const rawPerStep = replay.map((e) => e.traffic.raw);
    console.log(
      `(d) requests: ${traffic.tree + traffic.notModified + traffic.raw} — tree ${traffic.tree} (200), 304 ${traffic.notModified}, raw ${traffic.raw}; ` +
        `bytes ${traffic.bytes.toLocaleString('en')} (tree JSON ${traffic.treeBytes.toLocaleString('en')}, raw files ${traffic.rawBytes.toLocaleString('en')}); ` +
        `max raw in one step ${Math.max(...rawPerStep)}`,
    );
    console.log(
      `(d) raw fetches ${traffic.raw}: distinct (path, blob) ${distinctPathBlob.size}, distinct (id, blob) ${distinctIdBlob.size}, ` +
        `versions the sync must fetch (reverts to an earlier version fetch it again; a rename keeping the blob fetches nothing) ${expectedRaw}`,
    );
    expect(traffic.tree).toBe(steps);
    expect(traffic.notModified).toBe(0);
    expect(replay.every((e) => e.traffic.tree === 1)).toBe(true);
    expect(traffic.raw).toBe(expectedRaw);
    expect(replay.reduce((n, e) => n + e.result.fetched, 0)).toBe(traffic.raw);
  });
});
