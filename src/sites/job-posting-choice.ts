/**
 * The user turning the schema.org JobPosting detector on or off for a site, from an
 * extension page (the popup, the options page). Both pages share this so the order of
 * the two steps stays the same everywhere. The browser APIs come in as parameters.
 */
import type { Envelope } from '../messages';
import { originPattern } from '../settings/sites';

export interface JobPostingChoiceApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  permissions: { request(permissions: { origins: string[] }): Promise<boolean> };
}

const choice = (origin: string, enabled: boolean): Envelope<'popup/job-posting-site'> => ({ type: 'popup/job-posting-site', payload: { origin, enabled } });

/**
 * Keeps the choice, then asks for the site's host permission. Call it straight from the
 * click: the permission request needs the user's gesture. The choice goes to the background
 * first (the message leaves at once, unawaited): Firefox may close the popup while its
 * permission prompt shows, and the background finishes the job when the permission arrives.
 * Resolves to whether the permission is granted.
 */
export function enableJobPostingSite(api: JobPostingChoiceApi, origin: string): Promise<boolean> {
  void api.runtime.sendMessage(choice(origin, true)).catch(() => undefined);
  return requestJobPostingPermission(api, origin);
}

/** Asks again for the permission of a site already chosen (the user refused it, or took it back in the browser). */
export function requestJobPostingPermission(api: Pick<JobPostingChoiceApi, 'permissions'>, origin: string): Promise<boolean> {
  return api.permissions.request({ origins: [originPattern(origin)] });
}

/** Forgets the site; the background gives its permission back. */
export async function disableJobPostingSite(api: Pick<JobPostingChoiceApi, 'runtime'>, origin: string): Promise<void> {
  await api.runtime.sendMessage(choice(origin, false));
}
