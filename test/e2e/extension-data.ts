// Reads and writes the extension's own data from inside one of its contexts (normally the service
// worker, but an extension page works too: same origin, same IndexedDB and chrome.storage).
//
// The functions passed to evaluate() run in the browser: they must stay self-contained (no
// imports, no closures over Node variables) and use only the raw platform APIs.

import type { Page, Worker } from 'playwright-core';

/** Any extension context Playwright can evaluate in. */
export type ExtensionContext = Worker | Page;

/** The slice of chrome.storage.local used here (the harness does not depend on @types/chrome). */
interface StorageAreaLike {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}
type WithChrome = typeof globalThis & { chrome: { storage: { local: StorageAreaLike } } };

/**
 * Worker.evaluate and Page.evaluate have different overload sets, so TypeScript cannot call
 * evaluate on the union; both take (function, serialisable argument) and that is all we need.
 */
function evaluateIn<Arg, Result>(
  target: ExtensionContext,
  fn: (arg: Arg) => Result | Promise<Result>,
  arg: Arg,
): Promise<Result> {
  // Our arguments are plain data, for which Playwright's Unboxed<Arg> is Arg itself.
  return (target as Worker).evaluate(fn as (arg: unknown) => Result | Promise<Result>, arg as unknown);
}

/** Names and versions of the extension's IndexedDB databases. */
export async function listDatabases(target: ExtensionContext): Promise<Array<{ name: string; version: number }>> {
  return evaluateIn(target, async () => {
    const databases = await indexedDB.databases();
    return databases.map((db) => ({ name: db.name ?? '', version: db.version ?? 0 }));
  }, undefined);
}

/**
 * Every record of one object store, read with getAll() in a read-only transaction.
 *
 * Never creates the database: opening an absent database would make an empty version-1 database
 * and break the extension's own upgrade later, so the open is aborted and this throws instead.
 * The connection is closed at once so it never blocks the extension's version upgrades.
 */
export async function readAllFromStore<T = unknown>(
  target: ExtensionContext,
  dbName: string,
  storeName: string,
): Promise<T[]> {
  const records = await evaluateIn(
    target,
    ({ dbName, storeName }: { dbName: string; storeName: string }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        let missing = false;
        request.onupgradeneeded = () => {
          missing = true;
          request.transaction?.abort();
        };
        request.onerror = () => {
          reject(new Error(missing ? `IndexedDB database "${dbName}" does not exist` : String(request.error)));
        };
        request.onblocked = () => reject(new Error(`opening "${dbName}" is blocked`));
        request.onsuccess = () => {
          const db = request.result;
          try {
            if (!db.objectStoreNames.contains(storeName)) {
              const stores = Array.from(db.objectStoreNames).join(', ');
              throw new Error(`no object store "${storeName}" in "${dbName}" (has: ${stores})`);
            }
            const read = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
            read.onsuccess = () => {
              db.close();
              resolve(read.result);
            };
            read.onerror = () => {
              db.close();
              reject(read.error ?? new Error('getAll failed'));
            };
          } catch (error) {
            db.close();
            reject(error);
          }
        };
      }),
    { dbName, storeName },
  );
  return records as T[];
}

/** Reads chrome.storage.local: all of it, or only the given keys. */
export async function getStorageLocal(target: ExtensionContext, keys?: string | string[]): Promise<Record<string, unknown>> {
  return evaluateIn(target, (keys) => (globalThis as WithChrome).chrome.storage.local.get(keys), keys ?? null);
}

/** Writes items into chrome.storage.local (fires storage.onChanged in the extension). */
export async function setStorageLocal(target: ExtensionContext, items: Record<string, unknown>): Promise<void> {
  await evaluateIn(target, (items) => (globalThis as WithChrome).chrome.storage.local.set(items), items);
}

/** Empties chrome.storage.local. */
export async function clearStorageLocal(target: ExtensionContext): Promise<void> {
  await evaluateIn(target, () => (globalThis as WithChrome).chrome.storage.local.clear(), undefined);
}

/** The feeds' sync status as the background records it (`storage.local` key `syncStatus`). */
export interface SyncStatusEntry {
  sourceId: string;
  url: string;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  lastError: { kind: string; message: string; at: string } | null;
  failures: number;
  nextRetryAt: string | null;
  counts: { listed: number; stored: number; open: number; rejected: number } | null;
}

/**
 * Waits until every configured feed has finished a run after `since` (ISO time), and returns
 * their status. Polls: the background writes the status at the end of each run.
 */
export async function waitForSyncRun(target: ExtensionContext, since = '', timeoutMs = 90_000): Promise<SyncStatusEntry[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stored = (await getStorageLocal(target, 'syncStatus').catch(() => ({}))) as { syncStatus?: Record<string, SyncStatusEntry> };
    const entries = Object.values(stored.syncStatus ?? {});
    if (entries.length > 0 && entries.every((s) => s.lastRunAt !== null && s.lastRunAt > since)) return entries;
    if (Date.now() > deadline) throw new Error(`no sync run finished after "${since}" within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
