/**
 * What a stored posting means today. Kept apart from the parser so that the
 * popup and other readers do not bundle gray-matter and the YAML engine.
 */
import { nextDay, parisDay } from './dates';
import type { Posting } from './types';

/** The posting id: the file name without a trailing `.md` (one upstream file has none). */
export function postingIdFromFileName(fileName: string): string {
  return fileName.endsWith('.md') ? fileName.slice(0, -3) : fileName;
}

/**
 * Whether a posting is open on the Paris calendar day of `now`: its own flag, and
 * neither past its `depublication_date` (closed from that day on) nor past its
 * `poste_ferme` deadline (closed from the day after).
 */
export function isOpenAt(posting: Pick<Posting, 'openFlag' | 'depublicationDate' | 'applicationDeadline'>, now: Date): boolean {
  if (!posting.openFlag) return false;
  const today = parisDay(now);
  if (today === null) return posting.depublicationDate === null && posting.applicationDeadline === null;
  if (posting.depublicationDate !== null && today >= posting.depublicationDate) return false;
  if (posting.applicationDeadline !== null && today >= nextDay(posting.applicationDeadline)) return false;
  return true;
}
