/**
 * The browser side of notifying: shows what the pure planners decided (held
 * announcements once due, closing-soon reminders), keeps the `notify` alarm at the
 * next time something held becomes due, and keeps the toolbar badge equal to the
 * new offers not yet seen. An adapter: the decisions live in plan.ts, schedule.ts
 * and closing.ts.
 */
import { browser } from 'wxt/browser';
import {
  countUnseenNew,
  oldestAnnouncementAt,
  readPostings,
  readUserStates,
  takeAnnouncements,
  type Database,
  type StoredPosting,
} from '../store/db';
import type { NotificationSettings } from '../settings/settings';
import { t } from '../ui/i18n';
import { formatDay } from '../ui/format';
import type { Alert } from './alerts';
import { CLOSING_REMINDERS_KEY, dueClosingReminders, readRecalled, withRecalled } from './closing';
import { planClosingReminders, planNotifications, type NotificationPlan, type NotificationTexts } from './plan';
import { decideRelease, isQuietAt, quietEndAfter } from './schedule';

/** Fires when held announcements (digest, quiet hours) become due. */
export const NOTIFY_ALARM = 'notify';
/** Looks for favourites closing soon once a day, even when no sync runs. */
export const CLOSING_SOON_ALARM = 'closing-soon';

const titles = (postings: StoredPosting[]) =>
  postings
    .slice(0, 4)
    .map((p) => p.title)
    .join(' · ');

const texts: NotificationTexts = {
  offer: (p) => ({ title: p.title, message: p.startupRef ?? t('notifyNoStartup') }),
  more: (count, postings) => ({ title: t('optionsNotifyMoreTitle', [String(count)]), message: titles(postings) }),
  summary: (openCount) => ({ title: t('notifySummaryTitle'), message: t('notifySummaryMessage', [String(openCount)]) }),
  closing: ({ posting, lastDay }) => ({ title: t('optionsNotifyClosingTitle', [posting.title]), message: t('optionsNotifyClosingMessage', [formatDay(lastDay)]) }),
  moreClosing: (count, postings) => ({ title: t('optionsNotifyMoreClosingTitle', [String(count)]), message: titles(postings) }),
};

export interface NotifyInput {
  settings: NotificationSettings;
  alerts: Alert[];
  now?: Date;
  /** The zone of the times of day; the browser's own when undefined (tests name one). */
  timeZone?: string;
}

async function show(plans: NotificationPlan[]): Promise<void> {
  for (const plan of plans) {
    await browser.notifications.create(plan.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: plan.title,
      message: plan.message,
    });
  }
}

/** The favourites closing soon are recalled, unless quiet hours hold them; returns when to look again. */
async function remindClosingSoon(db: Database, settings: NotificationSettings, now: Date, timeZone: string | undefined, allowance: number): Promise<Date | null> {
  if (!settings.enabled || !settings.closingSoon.enabled) return null;
  const favouriteKeys = (await readUserStates(db)).filter((s) => s.favourite).map((s) => s.key);
  if (favouriteKeys.length === 0) return null;
  const recalled = readRecalled((await browser.storage.local.get(CLOSING_REMINDERS_KEY))[CLOSING_REMINDERS_KEY]);
  // An offer the feed no longer lists is closed, whatever its dates say.
  const listed = (await readPostings(db, favouriteKeys)).filter((p) => p.removedAt === null);
  const due = dueClosingReminders(listed, recalled, now, settings.closingSoon.daysBefore);
  if (due.length === 0) return null;
  if (isQuietAt(now, settings.quietHours, timeZone)) return quietEndAfter(now, settings.quietHours, timeZone);
  // Remembered before showing: a worker stopped in between loses a reminder rather than repeating it.
  await browser.storage.local.set({ [CLOSING_REMINDERS_KEY]: withRecalled(recalled, due, now) });
  await show(planClosingReminders(due, allowance, texts));
  return null;
}

async function notifyOnce(db: Database, input: NotifyInput): Promise<number> {
  const now = input.now ?? new Date();
  const { settings } = input;
  const oldest = await oldestAnnouncementAt(db);
  const decision = decideRelease(oldest === null ? null : new Date(oldest), now, settings, input.timeZone);
  let shownOneByOne = 0;
  if (decision.release) {
    const announcements = await takeAnnouncements(db);
    // Only the announced postings are read, not the whole database.
    const postings = await readPostings(db, announcements.flatMap((a) => a.postingKeys));
    const policy = { enabled: settings.enabled, alerts: input.alerts, maxPerBatch: settings.maxPerBatch, now };
    const plans = planNotifications(announcements, new Map(postings.map((p) => [p.key, p])), policy, texts);
    shownOneByOne = plans.filter((plan) => plan.postingKey !== null).length;
    await show(plans);
  }
  // New offers and reminders shown in one pass share the per-batch limit.
  const closingWake = await remindClosingSoon(db, settings, now, input.timeZone, settings.maxPerBatch - shownOneByOne);
  const wakes = [decision.wakeAt, closingWake].filter((d): d is Date => d !== null).map((d) => d.getTime());
  if (wakes.length === 0) await browser.alarms.clear(NOTIFY_ALARM);
  else await browser.alarms.create(NOTIFY_ALARM, { when: Math.max(Math.min(...wakes), now.getTime() + 1_000) });
  return updateBadge(db);
}

// One pass at a time: a sync and an alarm at once would otherwise both read what
// was recalled and both show it.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Shows what is due now (the announcements the last runs left, once, when the mode
 * and quiet hours allow; the closing-soon reminders), sets the `notify` alarm for
 * what is still held, then refreshes the badge. Returns the badge's count.
 */
export function announce(db: Database, input: NotifyInput): Promise<number> {
  const run = queue.then(() => notifyOnce(db, input));
  queue = run.catch(() => undefined);
  return run;
}

export async function updateBadge(db: Database): Promise<number> {
  const unseen = await countUnseenNew(db);
  // MV3 has `action`, Firefox MV2 `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: unseen > 0 ? String(unseen) : '' });
  await action.setBadgeBackgroundColor({ color: '#1f4fbf' });
  return unseen;
}
