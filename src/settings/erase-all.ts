/**
 * "Erase everything" (options page, Your data): the background forgets all it
 * stored and gives back the site access the user granted, then starts again as
 * after a new install. The browser APIs come in as a parameter so this runs in Node tests.
 */

/** The slice of the extension API erasing needs (webextension-polyfill's promise style). */
export interface EraseBrowser {
  storage: { local: { clear(): Promise<void> } };
  alarms: { clearAll(): Promise<unknown> };
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
  };
  runtime: { getManifest(): { host_permissions?: string[]; permissions?: string[]; content_scripts?: { matches?: string[] }[] } };
}

export interface EraseSteps {
  /** Deletes the IndexedDB database. */
  deleteDatabase(): Promise<void>;
  /** Empties the toolbar badge. */
  clearBadge(): Promise<void>;
  /** What a new install does: the sync alarm, the first (silent) sync, the JobPosting detector's registration. */
  startAfresh(): void;
}

/**
 * The origins the user granted on top of the manifest's: those to give back. Chrome
 * lists required hosts (and content scripts' matches) among the granted ones, and
 * refuses to remove them; Firefox MV2 keeps required hosts under `permissions`.
 */
export function optionalGrantedOrigins(granted: readonly string[], manifest: ReturnType<EraseBrowser['runtime']['getManifest']>): string[] {
  const required = new Set(requiredOrigins(manifest));
  return granted.filter((origin) => !required.has(origin));
}

/** The host access the manifest grants at install (hosts, and the content scripts' matches): never given back. */
export function requiredOrigins(manifest: ReturnType<EraseBrowser['runtime']['getManifest']>): string[] {
  return [
    ...(manifest.host_permissions ?? []),
    ...(manifest.permissions ?? []).filter((permission) => permission.includes('://')),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  ];
}

export async function eraseEverything(api: EraseBrowser, steps: EraseSteps): Promise<{ removedOrigins: string[] }> {
  // Alarms first, so no scheduled sync starts writing while the rest goes.
  await api.alarms.clearAll();
  const origins = optionalGrantedOrigins((await api.permissions.getAll()).origins ?? [], api.runtime.getManifest());
  // Each origin on its own: a single refusal must not keep the other sites' access.
  const removed = await Promise.all(origins.map((origin) => api.permissions.remove({ origins: [origin] }).catch(() => false)));
  await api.storage.local.clear();
  await steps.deleteDatabase();
  await steps.clearBadge();
  steps.startAfresh();
  return { removedOrigins: origins.filter((_origin, i) => removed[i]) };
}
