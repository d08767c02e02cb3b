/**
 * A jsdom page with a made-up job list, and a highlighter started on it with
 * frames, answers, the clock and the address under the test's control. jsdom rather
 * than linkedom here: the highlighter follows mutation records to the cards they
 * touched, and linkedom reports every record against the observed root.
 */
import { JSDOM } from 'jsdom';
import type { CardMatch, CardQuery, MatchedPosting } from '../../src/match/types';
import type { SiteAdapter } from '../../src/sites/types';
import { startHighlighter, type HighlighterOptions, type HighlightStats, type Highlighter } from '../../src/highlight/highlighter';

export const adapter: SiteAdapter = {
  id: 'example',
  name: 'Example jobs',
  matches: ['https://jobs.example/*'],
  examples: ['https://jobs.example/search?q=dev'],
  layouts: [
    {
      name: 'list',
      card: ['li[data-job]'],
      title: ['.title'],
      organisation: ['.org'],
      location: ['.loc'],
      id: { attributes: ['data-job'] },
      link: ['a.title'],
    },
  ],
};

export const texts = {
  badgeSame: 'Offre beta.gouv.fr',
  badgeSimilar: 'Offres similaires',
  listTitle: 'Sur beta.gouv.fr',
  openSince: (day: string) => `ouverte depuis le ${day}`,
  openOriginal: "Voir l'offre",
  openInBetaRadar: 'Ouvrir dans Beta Radar',
};

export function cardHtml(id: string, title: string, org: string): string {
  return `<li data-job="${id}"><a class="title" href="/job/${id}">${title}</a><span class="org">${org}</span><span class="loc">Paris</span></li>`;
}

/** Builds a card the way a site's script would (without an HTML parser). */
export function makeCard(document: Document, id: string | null, title: string, org: string): HTMLElement {
  const item = document.createElement('li');
  item.setAttribute('data-job', id ?? '');
  const link = document.createElement('a');
  link.className = 'title';
  link.setAttribute('href', `/job/${id ?? 'x'}`);
  link.textContent = title;
  const organisation = document.createElement('span');
  organisation.className = 'org';
  organisation.textContent = org;
  item.append(link, organisation);
  return item;
}

export function posting(id: string, extra: Partial<MatchedPosting> = {}): MatchedPosting {
  return { key: `feed ${id}`, id, title: `Poste ${id}`, startup: 'Startup X', date: '2026-10-01', url: `https://beta.gouv.fr/recrutement/${id}`, ...extra };
}

/** Default answers: organisation "beta.gouv.fr" → same, a title with "Designer" → similar, else nothing. */
export function defaultAnswer(cards: CardQuery[]): CardMatch[] {
  const out: CardMatch[] = [];
  for (const card of cards) {
    if (card.fields.organisation === 'beta.gouv.fr') out.push({ ref: card.ref, kind: 'same', postings: [posting(`p-${card.fields.jobId}`)] });
    else if (/designer/i.test(card.fields.title)) out.push({ ref: card.ref, kind: 'similar', postings: [posting('d-1'), posting('d-2')] });
  }
  return out;
}

export function page(listHtml: string, overrides: Partial<HighlighterOptions> & { answer?: (cards: CardQuery[]) => CardMatch[] | Promise<CardMatch[]> } = {}) {
  const { window } = new JSDOM(`<!doctype html><html><head><title>t</title></head><body><ul id="list">${listHtml}</ul></body></html>`, { url: 'https://jobs.example/search?q=dev' });
  const document = window.document as unknown as Document;
  // Frozen unless a test moves it: every frame has all the time it needs.
  const clock = { now: 0 };
  const frames: Array<() => void> = [];
  const batches: CardQuery[][] = [];
  const stats: HighlightStats[] = [];
  const opened: string[] = [];
  const controller = new AbortController();
  const state = { url: 'https://jobs.example/search?q=dev' };
  const answer = overrides.answer ?? defaultAnswer;
  const highlighter: Highlighter = startHighlighter({
    adapter,
    document,
    match: async (cards) => {
      batches.push(cards);
      return answer(cards);
    },
    openOffer: (key) => opened.push(key),
    showSimilar: true,
    texts,
    signal: controller.signal,
    onStats: (s) => stats.push(s),
    schedule: (run) => frames.push(run),
    getUrl: () => state.url,
    now: () => clock.now,
    ...overrides,
  });

  /** Lets mutation records and answers arrive, running queued frames, until nothing is left to do. */
  async function settle(): Promise<void> {
    for (let round = 0; round < 20; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const due = frames.splice(0);
      if (due.length === 0) return;
      for (const run of due) run();
    }
    throw new Error('the highlighter never settles (a scan queues another one)');
  }

  const list = document.getElementById('list') as HTMLElement;
  const card = (id: string) => document.querySelector(`li[data-job="${id}"]`) as HTMLElement;
  return { window, document, list, card, frames, batches, stats, opened, controller, state, clock, highlighter, settle };
}

export function badgeOf(card: Element): HTMLElement | null {
  const host = card.lastElementChild;
  return host && host.tagName.toLowerCase() === 'beta-radar-badge' ? (host as HTMLElement) : null;
}
