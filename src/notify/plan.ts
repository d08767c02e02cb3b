/**
 * Which notifications to show for what a sync announced, and their text. Pure:
 * the texts come from a `messages` function so the browser's i18n stays outside.
 */
import type { PendingAnnouncement, StoredPosting } from '../store/db';
import { DEFAULT_NOTIFICATIONS } from '../settings/settings';
import { postingsMatchingAlerts, type Alert } from './alerts';
import type { ClosingReminder } from './closing';

export interface NotificationPlan {
  /** Notification id: `offer:<posting key>` and `closing:<posting key>` open that offer, `offers:<…>` and `closings:<…>` the list. */
  id: string;
  title: string;
  message: string;
  /** The offer a click opens, or null for the list of new offers. */
  postingKey: string | null;
}

export interface NotifyPolicy {
  enabled: boolean;
  alerts: Alert[];
  /** At most this many separate notifications per batch; the rest share one (the setting, 1-10). */
  maxPerBatch?: number;
  /** The clock alerts' date filters read (tests pass one). */
  now?: Date;
}

export interface NotificationTexts {
  /** Title and message of one offer (role, startup). */
  offer(posting: StoredPosting): { title: string; message: string };
  /** The offers beyond the batch's limit, in one notification. */
  more(count: number, postings: StoredPosting[]): { title: string; message: string };
  /** The first sync of a feed: one line for all its open offers. */
  summary(openCount: number): { title: string; message: string };
  /** A favourite offer that closes soon. */
  closing(reminder: ClosingReminder<StoredPosting>): { title: string; message: string };
  /** The closing reminders beyond the batch's limit, in one notification. */
  moreClosing(count: number, postings: StoredPosting[]): { title: string; message: string };
}

/** Up to `limit` separate notifications, then one for the rest (ids kept short: the browser shows none of them). */
function limitBatch<T extends { key: string }>(
  items: readonly T[],
  limit: number,
  one: (item: T) => NotificationPlan,
  rest: (items: T[]) => Omit<NotificationPlan, 'id' | 'postingKey'>,
  restPrefix: string,
): NotificationPlan[] {
  // 0 is a real limit: what the same batch already showed may use the whole allowance.
  const max = Math.max(0, Math.floor(limit));
  const plans = items.slice(0, max).map(one);
  const others = items.slice(max);
  if (others.length > 0) plans.push({ id: `${restPrefix}:${others.map((p) => p.key).join('|').slice(0, 200)}`, ...rest(others), postingKey: null });
  return plans;
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
  plans.push(
    ...limitBatch(
      offers,
      policy.maxPerBatch ?? DEFAULT_NOTIFICATIONS.maxPerBatch,
      (p) => ({ id: `offer:${p.key}`, ...texts.offer(p), postingKey: p.key }),
      (rest) => texts.more(rest.length, rest),
      'offers',
    ),
  );
  return plans;
}

/**
 * The closing-soon reminders as notifications, within what is left of the per-batch limit
 * (`allowance`: the limit less the offers the same pass showed one by one); beyond it, one
 * notification lists the rest.
 */
export function planClosingReminders(reminders: readonly ClosingReminder<StoredPosting>[], allowance: number, texts: NotificationTexts): NotificationPlan[] {
  return limitBatch(
    reminders.map((r) => ({ ...r, key: r.posting.key })),
    allowance,
    (r) => ({ id: `closing:${r.key}`, ...texts.closing(r), postingKey: r.key }),
    (rest) => texts.moreClosing(rest.length, rest.map((r) => r.posting)),
    'closings',
  );
}

/** The posting key a notification id points at, or null for a list notification. */
export function postingKeyOfNotification(id: string): string | null {
  for (const prefix of ['offer:', 'closing:']) if (id.startsWith(prefix)) return id.slice(prefix.length);
  return null;
}
