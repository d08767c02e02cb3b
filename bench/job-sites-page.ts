/**
 * A big LinkedIn-like "classic" search list for bench/job-sites.bench.ts, built from the markup of
 * test/fixtures/job-sites/linkedin-search.html: its first rendered card is the template, cloned
 * with distinct job ids and other titles, employers and places. Every text here is invented.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../test/fixtures/job-sites/linkedin-search.html', import.meta.url));

// What the template card says, to be replaced in each clone.
const TEMPLATE_ID = '9000000101';
const TEMPLATE_EMBER = 'ember4101';
const TEMPLATE_TITLE = 'Développeur·se full-stack';
const TEMPLATE_ORG = 'Trackdéchets';
const TEMPLATE_PLACE = 'Paris, Île-de-France, France (Hybride)';

/** Offers a beta.gouv.fr organisation could publish, in the wording variants job sites use. */
const BETA_LIKE: ReadonlyArray<readonly [string, string]> = [
  ['Développeur·se full-stack', 'Trackdéchets'],
  ['Développeuse / Développeur full-stack (H/F)', 'Trackdéchets'],
  ['Développeur full stack', 'Trackdéchets'],
  ['Chargé·e de déploiement', 'DossierFacile'],
  ['Chargé(e) de déploiement', 'DossierFacile'],
  ['Chargée de déploiement', 'DINUM'],
  ['Product Owner', 'DINUM'],
  ['Product Owner (H/F)', 'beta.gouv.fr'],
  ['Product owner – incubateur', 'DINUM'],
];
/** The same roles at employers that are not beta.gouv.fr. */
const LOOK_ALIKES: ReadonlyArray<readonly [string, string]> = [
  ['Développeur full stack', 'Société Générale'],
  ['Développeuse full-stack TypeScript', 'Octoplume'],
  ['Développeur·se full-stack (H/F)', 'Datavégétal'],
  ['Chargé de déploiement', 'Ministère des Fixtures'],
  ['Chargée de déploiement terrain', 'Réseau Colibri Énergie'],
  ['Product Owner', 'Banque Hexagone'],
  ['Product Owner data', 'Octoplume'],
];
/** Jobs no posting resembles. */
const UNRELATED: ReadonlyArray<readonly [string, string]> = [
  ['Comptable', 'Boulangerie Martin'],
  ['Vendeur·se en boulangerie', 'Maison Fournil'],
  ['Infirmier·e de nuit', 'Clinique des Tilleuls'],
  ['Chauffeur-livreur (H/F)', 'Transports Azur'],
  ['Assistant·e juridique', 'Cabinet Lemoine'],
  ['Chef·fe de rayon', 'Hyper Fixture'],
  ['Technicien de maintenance', 'Usine Rivière'],
  ['Serveur / Serveuse', 'Brasserie du Port'],
  ['Responsable paie', 'Groupe Exemplaire'],
  ['Conseiller·ère clientèle', 'Mutuelle Imaginaire'],
];
const PLACES = [
  'Paris, Île-de-France, France (Hybride)',
  'Lyon, Auvergne-Rhône-Alpes, France',
  'Nantes, Pays de la Loire, France (Sur site)',
  'Lille, Hauts-de-France, France',
  'France (Télétravail)',
  'Marseille, Provence-Alpes-Côte d’Azur, France',
];

export type CardKind = 'beta-like' | 'look-alike' | 'unrelated';

export interface BenchCard {
  id: string;
  kind: CardKind;
  title: string;
  organisation: string;
  place: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fixture = readFileSync(FIXTURE, 'utf8');

/** The first card's `<li>`, without the fixture's expectations and without the "selected" state. */
const template = (() => {
  const start = fixture.indexOf(`<li id="${TEMPLATE_EMBER}"`);
  const end = fixture.indexOf('<li id="ember4102"');
  if (start < 0 || end < start) throw new Error('linkedin-search.html: template card not found (the fixture changed?)');
  return fixture
    .slice(start, end)
    .trim()
    .replace(/\s+data-fixture-[a-z]+="[^"]*"/g, '')
    .replace(/ aria-current="page"/, '')
    .replace(/ jobs-search-results-list__list-item--active/, '');
})();

/** The n-th card of a list: one in ten beta.gouv-like, two in ten look-alikes, the rest unrelated. */
export function benchCard(n: number, firstId = 9_100_000_000): BenchCard {
  // A fixed shuffle of the kinds (not n % 10 alone), so beta-like cards are not evenly spaced.
  const slot = (n * 7 + Math.floor(n / 10) * 3) % 10;
  const kind: CardKind = slot === 0 ? 'beta-like' : slot <= 2 ? 'look-alike' : 'unrelated';
  const pool = kind === 'beta-like' ? BETA_LIKE : kind === 'look-alike' ? LOOK_ALIKES : UNRELATED;
  const [title, organisation] = pool[(n * 13 + 5) % pool.length]!;
  return { id: String(firstId + n), kind, title, organisation, place: PLACES[(n * 5) % PLACES.length]! };
}

/** Markup of one list card (an `li[data-occludable-job-id]` shell with its rendered content). */
export function cardHtml(card: BenchCard): string {
  return template
    .split(TEMPLATE_ID).join(card.id)
    .split(TEMPLATE_EMBER).join(`ember${card.id}`)
    .split(TEMPLATE_TITLE).join(escapeHtml(card.title))
    .split(TEMPLATE_ORG).join(escapeHtml(card.organisation))
    .split(TEMPLATE_PLACE).join(escapeHtml(card.place));
}

/**
 * The fixture page with its list replaced by `count` cards (its detail pane, which the adapter
 * reads as one more card, is kept as it is).
 */
export function benchListPage(count: number, url: string): { html: string; cards: BenchCard[] } {
  const cards = Array.from({ length: count }, (_, n) => benchCard(n));
  const listOpen = '<ul class="Pk2hUlFixture">';
  const listStart = fixture.indexOf(listOpen) + listOpen.length;
  const listEnd = fixture.indexOf('</ul>\n          <div class="jobs-search-pagination');
  if (listStart < listOpen.length || listEnd < listStart) throw new Error('linkedin-search.html: result list not found (the fixture changed?)');
  const html = (fixture.slice(0, listStart) + '\n' + cards.map(cardHtml).join('\n') + '\n' + fixture.slice(listEnd))
    .replace('content="linkedin-search"', 'content="linkedin-bench"')
    .replace(/(<meta name="beta-radar-fixture-url" content=")[^"]*"/, `$1${escapeHtml(url)}"`)
    .replace('214 résultats', `${count} résultats`);
  return { html, cards };
}
