/**
 * Pages of the two live sources, built from a list of invented offers: choisirleservicepublic.gouv.fr
 * listing pages (DSFR cards, pagination, the big embedded facets of the real list pages) and offer
 * pages (non-strict JSON-LD, hidden inputs, title block, sections, recommended offers), and a
 * Welcome to the Jungle company listing (embedded initial data and cards) with its job pages
 * (strict JSON-LD, metadata block, position section). Structure after job-sites.md §2 and §4;
 * every text comes from the offers given (or `sampleLiveOffers`), nothing from the real sites.
 *
 * Used by the unit tests, the e2e fixture servers (which answer under the real host names) and
 * `npm run bench`. Pure: strings in, strings out.
 */
import { CSP_HOST, WTTJ_HOST } from '../../src/feed/feed-url';

export interface LiveOfferSpec {
  /** CSP: the reference (`2026-9900001`); WTTJ: the job slug (`developpeur-se-full-stack_paris`). */
  id: string;
  title: string;
  organisation: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Plain text; blank lines separate paragraphs, lines starting with `- ` are list items. */
  description: string;
  /** Same form; a "Profil recherché" section. */
  profile?: string;
  location?: string;
  contract?: string;
  /** `YYYY-MM-DD`: the last day to apply. */
  validThrough?: string;
  domaine?: string;
  /** An address to apply to, linked from the description (`mailto:`). */
  email?: string;
}

// ---------------------------------------------------------------------------------------------
// Shared

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#039;');
}

/** A `<script>` body's JSON: `<` escaped so no text closes the script. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Plain text with blank-line paragraphs and `- ` items as HTML. */
export function textToHtml(text: string, email?: string): string {
  const blocks = text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  const html = blocks.map((block) => {
    const lines = block.split('\n').map((line) => line.trim());
    if (lines.every((line) => line.startsWith('- '))) return `<ul>${lines.map((line) => `<li>${escapeHtml(line.slice(2))}</li>`).join('')}</ul>`;
    return `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
  });
  if (email) html.push(`<p>Pour candidater : <a href="mailto:${escapeHtml(email)}">${escapeHtml(email)}</a></p>`);
  return html.join('');
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function frenchDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${String(date).padStart(2, '0')} ${FRENCH_MONTHS[month - 1]} ${year}`;
}

function slashDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

// ---------------------------------------------------------------------------------------------
// choisirleservicepublic.gouv.fr

export interface CspSiteOptions {
  /** The organisation filter (default `10668`, beta.gouv.fr's). */
  organisation?: string;
  /** Cards per page (default 20, as on the site). */
  perPage?: number;
  /**
   * Options in the embedded filter facets of each list page (default 2,000: a page of about
   * 0.3 MB; the real pages are about 4.5 MB, which ~31,000 gives, for a bench).
   */
  facets?: number;
  /** Offer pages carry the non-strict JSON-LD (default true); false: hidden inputs and DOM only. */
  jsonLd?: boolean;
}

const CSP = `https://${CSP_HOST}`;

export function cspListingUrl(page = 1, organisation = '10668'): string {
  return `${CSP}/nos-offres/filtres/organisme/${organisation}/${page > 1 ? `page/${page}/` : ''}`;
}

export function cspOfferUrl(offer: Pick<LiveOfferSpec, 'id' | 'title'>): string {
  return `${CSP}/offre-emploi/${slugOf(offer.title)}-reference-${offer.id}/`;
}

function cspCard(offer: LiveOfferSpec, vertical = false): string {
  const title = escapeHtml(offer.title);
  const location = escapeHtml(offer.location ?? 'Paris (75)').replace(/\((\d{2,3})\)$/, '<strong>($1)</strong>');
  return `<li class="${vertical ? 'fr-col-12 fr-col-md-6 fr-col-lg-4' : 'fr-col-12 item'}">
  <div class="fr-card ${vertical ? '' : 'fr-card--horizontal fr-card--horizontal-tier '}fr-card--offer">
   <div class="fr-card__body">
    <div class="fr-card__content">
     <h3 class="fr-card__title"><a href="${cspOfferUrl(offer)}" class="is-same-domain" target="_blank" aria-label="${title}, nouvelle fenêtre">${title}</a></h3>
     <div class="fr-card__start"><ul class="fr-tags-group" role="presentation"><li><p class="fr-tag">${escapeHtml(offer.domaine ?? 'Numérique')}</p></li></ul></div>
     <ul class="fr-card__desc">
      <li class="fr-icon-map-pin-2-line fr-icon--sm"><span class="sr-only">Localisation : </span>${location}</li>
      <li class="fr-icon-file-line fr-icon--sm"><span class="sr-only">Fonction publique : </span>Fonction publique de l'État</li>
      <li class="fr-icon-user-line  fr-icon--sm"><span class="sr-only">Employeur : </span>${escapeHtml(offer.organisation)}</li>
      <li class="fr-icon-calendar-line  fr-icon--sm">En ligne depuis le ${frenchDay(offer.date)}</li>
     </ul>
    </div>
    <div class="fr-card__footer"><button id="fav-${escapeHtml(offer.id)}" data-parcours-focuser="login" data-title="${title}" data-module="components/favorite-btn" type="button" class="fr-link fr-icon-star-line fr-link--icon-right action-bar-favorite-btn checkbox-favorite-btn fav"><span class="text fr-m-0"><span class="fav-default">Ajouter aux favoris</span></span></button></div>
   </div>
   <div class="fr-card__header"><div class="fr-card__img"><img aria-hidden="true" loading="lazy" class="fr-responsive-img is-icon" src="${CSP}/wp-content/uploads/logo.png" alt="Premier ministre"></div></div>
  </div>
 </li>`;
}

/** The filter facets a real list page embeds (JSON in a data attribute, and the checkboxes): what makes it weigh megabytes. */
function cspFacets(count: number): string {
  const places = Array.from({ length: count }, (_, i) => ({ id: 10_000 + i, label: `Commune exemple ${i} (${String(1 + (i % 95)).padStart(2, '0')})`, count: i % 7 }));
  const json = escapeHtml(JSON.stringify({ localisation: places.slice(0, Math.ceil(count / 2)) }));
  const boxes = places
    .slice(Math.ceil(count / 2))
    .map((place) => `<div class="fr-checkbox-group"><input type="checkbox" id="loc-${place.id}" name="localisation[]" value="${place.id}"><label class="fr-label" for="loc-${place.id}">${escapeHtml(place.label)}</label></div>`)
    .join('\n');
  return `<div id="FacetsData" hidden data-json="${json}"></div>\n<form class="filters" action="#"><fieldset class="fr-fieldset"><legend>Localisation</legend>\n${boxes}\n</fieldset></form>`;
}

function cspPagination(page: number, pages: number, organisation: string): string {
  if (pages <= 1) return '';
  const link = (n: number, label: string, cls: string) => `<li><a class="fr-pagination__link ${cls}" href="${cspListingUrl(n, organisation)}">${label}</a></li>`;
  const items: string[] = [];
  items.push(page > 1 ? link(page - 1, 'Page précédente', 'fr-pagination__link--prev') : '<li><a class="fr-pagination__link fr-pagination__link--prev" aria-disabled="true" role="link">Page précédente</a></li>');
  for (let n = 1; n <= pages; n++) {
    items.push(n === page ? `<li><a class="fr-pagination__link" aria-current="page" href="${cspListingUrl(n, organisation)}">${n}</a></li>` : link(n, String(n), ''));
  }
  items.push(page < pages ? link(page + 1, 'Page suivante', 'fr-pagination__link--next') : '<li><a class="fr-pagination__link fr-pagination__link--next" aria-disabled="true" role="link">Page suivante</a></li>');
  return `<nav class="fr-pagination" role="navigation" aria-label="Pagination"><ul class="fr-pagination__list">${items.join('')}</ul></nav>`;
}

/** One list page (1-based) of the listing of `offers`. */
export function cspListingPage(offers: readonly LiveOfferSpec[], page: number, options: CspSiteOptions = {}): string {
  const perPage = options.perPage ?? 20;
  const organisation = options.organisation ?? '10668';
  const pages = Math.max(1, Math.ceil(offers.length / perPage));
  const shown = offers.slice((page - 1) * perPage, page * perPage);
  const results =
    shown.length === 0
      ? '<div class="fr-callout"><p class="fr-callout__text">Aucune offre ne correspond à vos critères pour le moment.</p></div>'
      : `<ul class="fr-grid-row fr-grid-row--gutters">\n${shown.map((offer) => cspCard(offer)).join('\n')}\n</ul>`;
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>Nos offres | Choisir le service public</title><link rel="canonical" href="${cspListingUrl(page, organisation)}"></head>
<body class="page-template page-template-template-page-offers wp-theme-biep">
<header role="banner" class="fr-header"><div class="fr-header__body"><a href="${CSP}/">Choisir le service public</a></div></header>
<div id="ParamsDataSearch" data-json="${escapeHtml(JSON.stringify({ organisme: [organisation], page }))}"></div>
<main id="main-content">
<div class="fr-container">
<h1>Nos offres</h1>
${cspFacets(options.facets ?? 2_000)}
<p class="fr-text--lead">${offers.length} offre${offers.length > 1 ? 's' : ''} correspond${offers.length > 1 ? 'ent' : ''} à votre recherche</p>
${results}
${cspPagination(page, pages, organisation)}
</div>
</main>
<footer role="contentinfo" class="fr-footer"><p>Choisir le service public</p></footer>
</body>
</html>`;
}

/** An offer page; `recommended` offers are shown at its end, as the site does. */
export function cspOfferPage(offer: LiveOfferSpec, options: CspSiteOptions & { recommended?: readonly LiveOfferSpec[] } = {}): string {
  const title = escapeHtml(offer.title);
  const description = textToHtml(offer.description, offer.email);
  const profile = offer.profile ? textToHtml(offer.profile) : '';
  const [year, month, day] = offer.date.split('-');
  const jsonLd =
    options.jsonLd === false
      ? ''
      : `<script type="application/ld+json">${scriptJson({
          '@context': 'https://schema.org',
          '@type': 'JobPosting',
          title: offer.title,
          datePosted: slashDay(offer.date),
          ...(offer.validThrough ? { validThrough: slashDay(offer.validThrough) } : {}),
          hiringOrganization: offer.organisation,
          jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: `${offer.location ?? 'Paris (75)'}, France` } },
          identifier: offer.id,
          // Non-strict, as on the site: a capital D, and the HTML escaped.
          Description: escapeHtml(description + (profile ? `<h3>Profil recherché</h3>${profile}` : '')),
        })}</script>`;
  const facts = [
    offer.contract ? `<li class="table-cell"><span><strong>Nature de l’emploi</strong></span><span>${escapeHtml(offer.contract)}</span></li>` : '',
    '<li class="table-cell"><span><strong>Catégorie</strong></span><span>Catégorie A (cadre)</span></li>',
    offer.validThrough ? `<li class="table-cell"><span><strong>Date limite de candidature</strong></span><span>${slashDay(offer.validThrough)}</span></li>` : '',
  ].join('');
  const recommended = (options.recommended ?? []).map((other) => cspCard(other, true)).join('\n');
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${title} | Choisir le service public</title><link rel="canonical" href="${cspOfferUrl(offer)}"><meta property="og:url" content="${CSP}/offre-emploi/"></head>
<body class="wp-singular page-template page-template-template-page-single-offer page-id-10 wp-theme-biep">
<input type="hidden" id="page_name" value="${title}">
<input type="hidden" id="content_ref" value="${escapeHtml(offer.id)}">
<input type="hidden" id="content_entite" value="${escapeHtml(offer.organisation)}">
<input type="hidden" id="content_versant" value="Fonction Publique de l'Etat">
<input type="hidden" id="content_dept" value="${escapeHtml(offer.location ?? 'Paris (75)')}">
<input type="hidden" id="content_domaine" value="${escapeHtml(offer.domaine ?? 'Numérique')}">
<input type="hidden" id="content_startPublicationDate_day" value="${day}">
<input type="hidden" id="content_startPublicationDate_month" value="${month}">
<input type="hidden" id="content_startPublicationDate_year" value="${year}">
${jsonLd}
<main id="main-content">
<div class="fr-container title block-relative">
<h1 class="fr-mb-0">${title}</h1>
<p class="number fr-mb-0 fr-text--sm"><span aria-hidden="true">Réf.</span><span class="sr-only">Référence : </span>${escapeHtml(offer.id)}</p>
<ul class="fr-grid-row fr-grid-row--top fr-grid-row--gutters fr-mt-4w">
<li class="fr-col-12 fr-col-lg-3 ic ic--top ic--file"><span class="sr-only">Fonction publique : </span><span>Fonction publique de l'État</span></li>
<li class="fr-col-12 fr-col-lg-5 ic ic--top ic--user"><span class="sr-only">Employeur : </span>${escapeHtml(offer.organisation)}</li>
<li class="fr-col-12 fr-col-lg-4 ic ic--top ic--pin"><span class="sr-only">Localisation : </span>${escapeHtml(offer.location ?? 'Paris (75)')}</li>
</ul>
<a href="${CSP}/metiers/${slugOf(offer.domaine ?? 'Numérique')}/" class="fr-tag"><span class="sr-only">Domaine :</span>${escapeHtml(offer.domaine ?? 'Numérique')}</a>
<div class="buttons-wrapper"><a href="https://candidatures.example/postuler/${escapeHtml(offer.id)}" class="fr-btn fr-btn--lg">Postuler</a></div>
<ul class="table">${facts}</ul>
</div>
<div class="strate-two-columns"><div class="col-left rte">
<h2>Vos missions en quelques mots</h2><div>${description}</div>
${profile ? `<h2 class="fr-mt-8w">Profil recherché</h2><div>${profile}</div>` : ''}
</div></div>
${recommended ? `<div class="strate strate-cards-list"><h2>Des offres d'emplois recommandées pour vous</h2><ul class="fr-grid-row fr-grid-row--gutters">${recommended}</ul></div>` : ''}
</main>
</body>
</html>`;
}

/**
 * Every page of the site for `offers`: the listing's pages (`cspListingUrl(n)`) and each offer's
 * page (`cspOfferUrl(offer)`), keyed by absolute URL. Each offer page recommends two others.
 */
export function cspSite(offers: readonly LiveOfferSpec[], options: CspSiteOptions = {}): Map<string, string> {
  const pages = new Map<string, string>();
  const perPage = options.perPage ?? 20;
  const count = Math.max(1, Math.ceil(offers.length / perPage));
  for (let page = 1; page <= count; page++) pages.set(cspListingUrl(page, options.organisation), cspListingPage(offers, page, options));
  offers.forEach((offer, index) => {
    const recommended = [offers[(index + 1) % offers.length], offers[(index + 2) % offers.length]].filter((other): other is LiveOfferSpec => other !== undefined && other !== offer);
    pages.set(cspOfferUrl(offer), cspOfferPage(offer, { ...options, recommended }));
  });
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Welcome to the Jungle

export interface WttjSiteOptions {
  /** The company slug (default `communaute-beta-gouv`). */
  company?: string;
  companyName?: string;
  /** The listing embeds `window.__INITIAL_DATA__` (default true). */
  initialData?: boolean;
  /** The listing has its cards (default true). */
  cards?: boolean;
  /** A "Candidature spontanée" item ends the list (default true). */
  spontaneous?: boolean;
  /** Job pages carry JSON-LD (default true). */
  jsonLd?: boolean;
}

const WTTJ = `https://${WTTJ_HOST}`;

/** WTTJ's contract labels for the codes its data uses. */
const WTTJ_CONTRACTS: Record<string, string> = { CDI: 'full_time', 'CDD / Temporaire': 'temporary', Freelance: 'freelance', Stage: 'internship', Alternance: 'apprenticeship' };

export function wttjListingUrl(company = 'communaute-beta-gouv'): string {
  return `${WTTJ}/fr/companies/${company}/jobs`;
}

export function wttjOfferUrl(offer: Pick<LiveOfferSpec, 'id'>, company = 'communaute-beta-gouv'): string {
  return `${WTTJ}/fr/companies/${company}/jobs/${offer.id}`;
}

/** A JavaScript string literal holding `value` as JSON, as the site writes its initial data. */
function initialDataScript(value: unknown): string {
  return `<script>window.__INITIAL_DATA__ = ${JSON.stringify(JSON.stringify(value)).replace(/</g, '\\u003c')}\n</script>`;
}

function wttjHit(offer: LiveOfferSpec, company: string, companyName: string): Record<string, unknown> {
  return {
    name: offer.title,
    slug: offer.id,
    contract_type: WTTJ_CONTRACTS[offer.contract ?? 'CDI'] ?? 'other',
    published_at: `${offer.date}T09:00:00Z`,
    offices: [{ city: offer.location ?? 'Paris', country_code: 'FR' }],
    organization: { name: companyName, slug: company },
  };
}

export function wttjListingPage(offers: readonly LiveOfferSpec[], options: WttjSiteOptions = {}): string {
  const company = options.company ?? 'communaute-beta-gouv';
  const companyName = options.companyName ?? 'beta.gouv.fr';
  const spontaneous: LiveOfferSpec = { id: 'candidature-spontanee_paris', title: 'Candidature spontanée', organisation: companyName, date: '2025-01-06', description: '' };
  const listed = options.spontaneous === false ? [...offers] : [...offers, spontaneous];
  const card = (offer: LiveOfferSpec) => {
    const href = `/fr/companies/${company}/jobs/${offer.id}`;
    const title = escapeHtml(offer.title);
    return `<li data-testid="search-results-list-item-wrapper" class="sc-gen01 fMqV">
 <div class="sc-gen02">
  <a role="link" href="${href}" aria-label="Consultez l'offre ${title}"><div class="sc-gen03"><img alt="${escapeHtml(companyName)}" src="${WTTJ}/logo.png"></div></a>
  <div class="sc-gen04">
   <a role="link" href="${href}"><h4 class="sc-gen05 wui-text">${title}</h4></a>
   <span class="sc-gen05 wui-text">${escapeHtml(companyName)}</span>
   <div class="sc-gen06">
    <div variant="default"><svg alt="Contract"></svg><span>${escapeHtml(offer.contract ?? 'CDI')}</span></div>
    <div variant="default"><svg alt="Location"></svg><p class="wui-text"><span>${escapeHtml(offer.location ?? 'Paris')}</span></p></div>
   </div>
   <time datetime="${offer.date}T09:00:00Z"><span>récemment</span></time>
  </div>
 </div>
</li>`;
  };
  const data = {
    queries: [
      { queryKey: ['organization', company], state: { data: { name: companyName, slug: company } } },
      { queryKey: ['jobs', company], state: { data: { hits: listed.map((offer) => wttjHit(offer, company, companyName)), nbHits: listed.length, page: 0, nbPages: 1 } } },
    ],
  };
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${escapeHtml(companyName)} : offres d'emploi | Welcome to the Jungle</title></head>
<body>
<div id="root"><main>
<div data-testid="jobs-search-results-count" class="sc-gen07">${offers.length} offres</div>
${options.cards === false ? '' : `<ul data-testid="search-results" class="sc-gen08">\n${listed.map(card).join('\n')}\n</ul>`}
<nav aria-label="Pagination"><ul><li><a aria-current="true" href="?page=1">1</a></li></ul></nav>
</main></div>
${options.initialData === false ? '' : initialDataScript(data)}
</body>
</html>`;
}

export function wttjOfferPage(offer: LiveOfferSpec, options: WttjSiteOptions = {}): string {
  const company = options.company ?? 'communaute-beta-gouv';
  const companyName = options.companyName ?? 'beta.gouv.fr';
  const title = escapeHtml(offer.title);
  const description = textToHtml(offer.description, offer.email);
  const profile = offer.profile ? textToHtml(offer.profile) : '';
  const jsonLd =
    options.jsonLd === false
      ? ''
      : `<script type="application/ld+json">${scriptJson({
          '@context': 'http://schema.org',
          '@type': 'JobPosting',
          title: offer.title,
          datePosted: `${offer.date}T09:00:00Z`,
          ...(offer.validThrough ? { validThrough: `${offer.validThrough}T12:00:00Z` } : {}),
          employmentType: offer.contract === 'Freelance' ? 'CONTRACTOR' : 'FULL_TIME',
          description: `<p><strong>Description du poste</strong></p>${description}${profile ? `<p><strong>Qualifications</strong></p>${profile}` : ''}`,
          hiringOrganization: { '@type': 'Organization', name: companyName, sameAs: wttjListingUrl(company).replace(/\/jobs$/, '') },
          jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: offer.location ?? 'Paris', addressCountry: 'FR' } },
        })}</script>`;
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${title} - ${escapeHtml(companyName)} - ${escapeHtml(offer.contract ?? 'CDI')} à ${escapeHtml(offer.location ?? 'Paris')}</title>
<link rel="canonical" href="${wttjOfferUrl(offer, company)}">
${jsonLd}
</head>
<body>
<div id="root"><main>
<div data-testid="job-metadata-block" class="sc-gen10">
 <a href="/fr/companies/${company}" class="sc-gen11"><span class="sc-gen12 wui-text">${escapeHtml(companyName)}</span></a>
 <h2 class="sc-gen12 wui-text">${title}</h2>
 <div class="sc-gen13">
  <div variant="default"><svg alt="Contract"></svg><span>${escapeHtml(offer.contract ?? 'CDI')}</span></div>
  <div variant="default"><svg alt="Location"></svg><span><span>${escapeHtml(offer.location ?? 'Paris')}</span></span></div>
 </div>
 <time datetime="${offer.date}T09:00:00Z">récemment</time>
 <a data-testid="job_header-button-apply" href="#postuler" class="sc-gen14">Postuler</a>
</div>
<div id="the-position-section">
 <div data-testid="job-section-description"><h4>Descriptif du poste</h4><div data-is-view-more="true">${description}</div></div>
 ${profile ? `<div><h4>Profil recherché</h4><div>${profile}</div></div>` : ''}
</div>
<div id="the-company-section"><h4>Qui sont-ils ?</h4><p>Une communauté d'équipes.</p></div>
</main></div>
</body>
</html>`;
}

/** The company listing (`wttjListingUrl()`) and every job page (`wttjOfferUrl(offer)`), keyed by absolute URL. */
export function wttjSite(offers: readonly LiveOfferSpec[], options: WttjSiteOptions = {}): Map<string, string> {
  const pages = new Map<string, string>();
  pages.set(wttjListingUrl(options.company), wttjListingPage(offers, options));
  for (const offer of offers) pages.set(wttjOfferUrl(offer, options.company), wttjOfferPage(offer, options));
  return pages;
}

// ---------------------------------------------------------------------------------------------
// Invented offers

/** Real startup names of the registry (names are fine; no posting text), to be recognised in titles. */
const STARTUPS = ['Trackdéchets', 'DossierFacile', 'Mon Suivi Justice', 'Aidants Connect', 'Acceslibre', 'Pix', 'Carnet de Bord', 'Data.Subvention'];
const ROLES = ['Développeur·se full-stack', 'Product Owner', 'Chargé·e de déploiement', 'Designer de services', 'Coach produit', 'Développeur·se back-end', 'Data analyst', 'Intrapreneur·e'];
const EMPLOYERS = ['Direction interministérielle du numérique (DINUM)', 'Ministère de la Justice', 'Agence nationale de la cohésion des territoires', 'Ministère de la Transition écologique'];
const PLACES = ['Paris (75)', 'Rhône (69)', 'Gironde (33)', 'Nord (59)', 'Hauts-de-Seine (92)'];

/**
 * `count` invented offers, newest first from `latest` (one a day), beta.gouv-flavoured, with ids
 * in the site's form (CSP references `2026-99xxxxx`, WTTJ slugs).
 */
export function sampleLiveOffers(count: number, site: 'csp' | 'wttj', latest = '2026-11-20'): LiveOfferSpec[] {
  const start = Date.parse(`${latest}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const startup = STARTUPS[i % STARTUPS.length]!;
    const role = ROLES[(i * 3) % ROLES.length]!;
    const title = site === 'csp' ? `${role} - ${startup} (H/F)` : `${role} – ${startup}`;
    const city = PLACES[i % PLACES.length]!;
    return {
      id: site === 'csp' ? `2026-99${String(10_000 + i).padStart(5, '0')}` : `${slugOf(title)}_${slugOf(city.replace(/\s*\(.*\)$/, ''))}-${i}`,
      title,
      organisation: site === 'csp' ? EMPLOYERS[i % EMPLOYERS.length]! : 'beta.gouv.fr',
      date: new Date(start - i * 86_400_000).toISOString().slice(0, 10),
      validThrough: new Date(start + (30 - (i % 10)) * 86_400_000).toISOString().slice(0, 10),
      location: site === 'csp' ? city : city.replace(/\s*\(.*\)$/, ''),
      contract: site === 'csp' ? (i % 2 === 0 ? 'CDD de 3 ans' : 'Emploi ouvert aux titulaires et aux contractuels') : i % 3 === 0 ? 'Freelance' : 'CDI',
      domaine: 'Numérique',
      description: `${startup} est une startup d'État : une petite équipe qui construit un service public numérique avec ses usagers.\n\nVos missions :\n\n- Comprendre les besoins des usagers\n- Livrer souvent et mesurer l'impact`,
      profile: `- Goût du travail en équipe\n- Curiosité pour le service public`,
      email: i % 4 === 0 ? `recrutement-${slugOf(startup)}@beta.example` : undefined,
    };
  });
}
