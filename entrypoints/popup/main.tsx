import { render } from 'preact';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { openDatabase, readAllPostings, readUserStates } from '@/src/store/db';
import { isOpenAt } from '@/src/postings/status';
import { readSyncStatus, SYNC_STATUS_KEY } from '@/src/sync/status';
import type { Envelope } from '@/src/messages';
import './style.css';

const load = async () => {
  const db = await openDatabase();
  const [postings, userStates] = await Promise.all([readAllPostings(db), readUserStates(db)]);
  return { postings, userStates };
};
const loadStatus = async () => Object.values(readSyncStatus((await browser.storage.local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]));
const onStatusChange = (listener: () => void) => {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SYNC_STATUS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
};
const syncNow = async () => {
  const message: Envelope<'popup/sync-now'> = { type: 'popup/sync-now', payload: {} };
  await browser.runtime.sendMessage(message);
};
const markSeen = async (keys: string[]) => {
  const message: Envelope<'popup/mark-seen'> = { type: 'popup/mark-seen', payload: { keys } };
  await browser.runtime.sendMessage(message);
};

document.documentElement.lang = browser.i18n.getUILanguage();
const now = new Date();
const focusKey = new URLSearchParams(location.search).get('offer');

render(
  <PopupApp
    load={load}
    loadStatus={loadStatus}
    onStatusChange={onStatusChange}
    syncNow={syncNow}
    markSeen={markSeen}
    isOpen={(p) => isOpenAt(p, now)}
    focusKey={focusKey}
  />,
  document.getElementById('app')!,
);
