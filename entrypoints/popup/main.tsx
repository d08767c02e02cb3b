import { render } from 'preact';
import { PopupApp } from '@/src/ui/popup/PopupApp';
import { openDatabase, readAllPostings, readAllSyncStates } from '@/src/store/db';
import { isOpenAt } from '@/src/postings/status';
import type { Envelope } from '@/src/messages';
import './style.css';

const load = async () => {
  const db = await openDatabase();
  const [postings, syncStates] = await Promise.all([readAllPostings(db), readAllSyncStates(db)]);
  return { postings, syncStates };
};
const syncNow = async () => {
  const message: Envelope<'popup/sync-now'> = { type: 'popup/sync-now', payload: {} };
  await browser.runtime.sendMessage(message);
};
document.documentElement.lang = browser.i18n.getUILanguage();
const now = new Date();

render(<PopupApp load={load} syncNow={syncNow} isOpen={(p) => isOpenAt(p, now)} />, document.getElementById('app')!);
