import type { NotificationsSources } from '@/src/ui/options/NotificationsSection';

/** The notifications section's link to the browser. */
export const notificationsSources: NotificationsSources = {};
