/**
 * The browser side of notifying: shows what {@link planNotifications} decided,
 * keeps the toolbar badge equal to the new offers not yet seen. An adapter: the
 * decisions themselves are pure and live in plan.ts.
 */
import { browser } from 'wxt/browser';
import { countUnseenNew, readPostings, takeAnnouncements, type Database, type StoredPosting } from '../store/db';
import { t } from '../ui/i18n';
import { planNotifications, type NotificationTexts, type NotifyPolicy } from './plan';

const texts: NotificationTexts = {
  offer: (p: StoredPosting) => ({ title: p.title, message: p.startupRef ?? t('notifyNoStartup') }),
  group: (count, postings) => ({
    title: t('notifyGroupTitle', [String(count)]),
    message: postings
      .slice(0, 4)
      .map((p) => p.title)
      .join(' · '),
  }),
  summary: (openCount) => ({ title: t('notifySummaryTitle'), message: t('notifySummaryMessage', [String(openCount)]) }),
};

/** Shows the announcements the last runs left (each once), then refreshes the badge. */
export async function announce(db: Database, policy: NotifyPolicy): Promise<number> {
  const announcements = await takeAnnouncements(db);
  if (announcements.length > 0) {
    // Only the announced postings are read, not the whole database.
    const postings = await readPostings(db, announcements.flatMap((a) => a.postingKeys));
    const plans = planNotifications(announcements, new Map(postings.map((p) => [p.key, p])), policy, texts);
    for (const plan of plans) {
      await browser.notifications.create(plan.id, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: plan.title,
        message: plan.message,
      });
    }
  }
  return updateBadge(db);
}

export async function updateBadge(db: Database): Promise<number> {
  const unseen = await countUnseenNew(db);
  // MV3 has `action`, Firefox MV2 `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ text: unseen > 0 ? String(unseen) : '' });
  await action.setBadgeBackgroundColor({ color: '#1f4fbf' });
  return unseen;
}
