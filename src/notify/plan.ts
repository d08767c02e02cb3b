/**
 * Which notifications to show for what a sync announced, and their text. Pure:
 * the texts come from a `messages` function so the browser's i18n stays outside.
 */
import type { PendingAnnouncement, StoredPosting } from '../store/db';
import { postingsMatchingAlerts, type Alert } from './alerts';

/** More new offers than this at once are grouped into one notification. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

export interface NotificationPlan {
  /** Notification id: `offer:<posting key>` opens that offer, `offers:<…>` the list. */
  id: string;
  title: string;
  message: string;
  /** The offer a click opens, or null for the list of new offers. */
  postingKey: string | null;
}

export interface NotifyPolicy {
  enabled: boolean;
  alerts: Alert[];
  /** The clock alerts' date filters read (tests pass one). */
  now?: Date;
}

export interface NotificationTexts {
  /** Title and message of one offer (role, startup). */
  offer(posting: StoredPosting): { title: string; message: string };
  /** Several offers at once. */
  group(count: number, postings: StoredPosting[]): { title: string; message: string };
  /** The first sync of a feed: one line for all its open offers. */
  summary(openCount: number): { title: string; message: string };
}

export function planNotifications(
  announcements: PendingAnnouncement[],
  postings: ReadonlyMap<string, StoredPosting>,
  policy: NotifyPolicy,
  texts: NotificationTexts,
): NotificationPlan[] {
  if (!policy.enabled) return [];
  const plans: NotificationPlan[] = [];
  const summaries = announcements.filter((a) => a.kind === 'summary');
  const openCount = summaries.reduce((sum, a) => sum + (a.openCount ?? 0), 0);
  if (openCount > 0) plans.push({ id: `summary:${summaries[0]!.createdAt}`, ...texts.summary(openCount), postingKey: null });
  const keys = [...new Set(announcements.filter((a) => a.kind === 'offers').flatMap((a) => a.postingKeys))];
  const announced = keys.map((key) => postings.get(key)).filter((p): p is StoredPosting => p !== undefined);
  // With alerts saved, only what one of them asks for.
  const offers = policy.alerts.length === 0 ? announced : postingsMatchingAlerts(announced, policy.alerts, policy.now ?? new Date());
  if (offers.length > MAX_SEPARATE_NOTIFICATIONS) {
    plans.push({ id: `offers:${offers.map((p) => p.key).join('|').slice(0, 200)}`, ...texts.group(offers.length, offers), postingKey: null });
  } else {
    for (const p of offers) plans.push({ id: `offer:${p.key}`, ...texts.offer(p), postingKey: p.key });
  }
  return plans;
}

/** The posting key a notification id points at, or null for a list notification. */
export function postingKeyOfNotification(id: string): string | null {
  return id.startsWith('offer:') ? id.slice('offer:'.length) : null;
}
