/**
 * Hand-judged relevance set for the popup search, built from the real corpus
 * (../shared/corpus/beta.gouv.fr: 543 postings) without running any search engine.
 *
 * Each case states what a candidate typing the query wants to see first. The
 * expected postings are described by predicates over the posting's own fields
 * (role line, startup id, techno list, contract…) or by explicit ids, never by
 * the query string itself: the point is to judge meaning, not to re-implement
 * matching. Role queries are judged on the role line only; a body that merely
 * mentions a profession does not make a posting relevant.
 *
 * The judgement is about the whole corpus, closed offers included (only 3 of the
 * 543 postings are open), so a harness running these cases should search with
 * `openOnly: false` and no other filter.
 */
import type { SearchInput } from '../../src/search/types';

export type RelevanceKind =
  | 'typo'
  | 'inclusive'
  | 'synonym'
  | 'startup'
  | 'techno'
  | 'domaine'
  | 'multi-word'
  | 'folding'
  | 'nothing';

export interface RelevanceCase {
  query: string;
  /** What the case exercises (typo, inclusive, synonym, startup, techno, domaine, multi-word, folding, nothing). */
  kind: RelevanceKind;
  /** Why these postings are the right answers, in one sentence. */
  why: string;
  /**
   * The relevant postings: a hand-written predicate over the posting's own fields, or explicit ids.
   * Empty array = the query must return nothing.
   */
  relevant: ((p: SearchInput) => boolean) | string[];
}

// ---------------------------------------------------------------------------
// Role families, written after reading every role line of the corpus.
// Role lines are messy (inclusive endings of every kind, upper case, emoji, a
// "dévelopeur(s)" typo, "Developpeur" without accent), so the patterns below
// look for stems and are checked against the full list, not against queries.
// ---------------------------------------------------------------------------

/** Ops-only roles ("un·e devops", "(dev)Ops", "(SysSecDev)Ops") are infrastructure jobs, not developer jobs. */
const OPS_WORD = /\(?(?:sys)?(?:sec)?dev\)?ops\b/gi;

/** A software developer role line: every spelling of développeur/developer, "dev", full-stack, tech/lead dev, front-end integrator. */
const DEVELOPER_STEM =
  /d[ée]v[ée]?lopp?(?:eu|e\b|er\b)|developer|\bdevs?\b|full.?stack|tech lead|int[ée]grat|expert·e node|typescript/i;

/** Sales/deployment roles that borrow the word "developer" or "développement" but do not write code. */
const BUSINESS_DEVELOPMENT = /business|biz ?dev|charg[ée]\S*(?: ou (?:un |une )?charg[ée]s?)? de d[ée]veloppement/i;

export function isDeveloperRole(p: SearchInput): boolean {
  const title = p.title.replace(OPS_WORD, ' ');
  if (BUSINESS_DEVELOPMENT.test(title)) return false;
  // "Product manager "Developer experience"" is a product role about developers.
  if (/product manager/i.test(title)) return false;
  return DEVELOPER_STEM.test(title);
}

/** DevOps / SRE / ops roles: acceptable answers for the bare "dev" query only. */
export function isOpsRole(p: SearchInput): boolean {
  return /devops|\(dev\)ops|\bSRE\b/i.test(p.title);
}

/** Business development and deployment (chargé·e de déploiement, chargé·e de développement, business developer): the "bizdev" family. */
export function isBizdevRole(p: SearchInput): boolean {
  const t = p.title;
  if (BUSINESS_DEVELOPMENT.test(t)) return true;
  if (/d[ée]ploiement/i.test(t)) return true;
  if (/charg[ée]\S*\s+de d[ée]veloppement|chargé·e·s de développement/i.test(t)) return true;
  // Role lines that name the job differently; their file names (…bizdev…, …deploiement…) and bodies say they are bizdev offers.
  if (/distribution des API|responsable des op[ée]rations|ouverture des donn[ée]es/i.test(t)) return true;
  return false;
}

/** Product roles: chef·fe de produit, product owner/manager, responsable/gestionnaire/chargé·e de produit, CPO. */
export function isProductRole(p: SearchInput): boolean {
  const t = p.title;
  if (/product designer|full-stack product d[ée]v/i.test(t)) return false;
  if (/d[ée]ploiement des produits/i.test(t)) return false;
  if (/produit|product (?:owner|manager)|chief product|\bPM\b/i.test(t)) return true;
  // "CHEF DE PROJET POUR LE CATALOGUE…": the file is named mia_productowner and the body describes a product owner.
  return p.id === '2021-07-22-mia_productowner';
}

/** Design roles (UX, UI, product/service designer, designeuse, art direction) — not developers who like UI. */
export function isDesignRole(p: SearchInput): boolean {
  const t = p.title;
  if (isDeveloperRole(p)) return false;
  return /design|\bux\b|\bui\b|directeur\.trice artistique/i.test(t);
}

/** Communication roles, community management and content. */
export function isCommunicationRole(p: SearchInput): boolean {
  // "communauté" alone would catch the startup name "La communauté de l'Inclusion" in a deployment role line.
  return /communication|community manager|(?:charg\S*|animation) de communaut[ée]|content creator|linkedin/i.test(p.title);
}

/** Data analysis roles (not engineering, not science). */
export function isDataAnalystRole(p: SearchInput): boolean {
  return /data analyst|analyste/i.test(p.title);
}

// ---------------------------------------------------------------------------
// Technology families: the role line or the posting's own `techno` list.
// ---------------------------------------------------------------------------

function techText(p: SearchInput): string {
  return `${p.title} ${p.techno.join(' ')}`;
}

/** Python and the Python web frameworks seen in the corpus. */
export function usesPython(p: SearchInput): boolean {
  return /python|django|flask|fastapi|open edx/i.test(techText(p));
}

export function usesRuby(p: SearchInput): boolean {
  return /ruby|rails|\bror\b/i.test(techText(p));
}

export function usesReact(p: SearchInput): boolean {
  return /react/i.test(techText(p));
}

/** TypeScript, including "JS/TS" role lines and the "Typescrypt" misspelling in one techno list. */
export function usesTypeScript(p: SearchInput): boolean {
  return /types?cr[iy]pt|\bTS\b|node\.js \(typescript\)/i.test(techText(p));
}

export function usesNode(p: SearchInput): boolean {
  return /\bnode/i.test(techText(p));
}

/** PHP and its ecosystem (Symfony, Laravel, WordPress). */
/**
 * Histologe's two developer offers state their stack in the body only ("full php";
 * "PHP 8+ (Symfony 6)"); their role lines and techno lists name no language.
 */
const PHP_BY_BODY = ['2021-11-24-developpeuse.-.developpeur.full.stack', '2022-05-30-recrutement-developpeur-developpeuse-full-stack -histologe'];
export function usesPhp(p: SearchInput): boolean {
  return /\bphp\b|symfony|laravel|wordpress/i.test(techText(p)) || PHP_BY_BODY.includes(p.id);
}

/**
 * Angular: role line or techno list, plus the Conseiller numérique front offers whose body
 * is built around Angular ("développeur Front Angular", "Bonne maîtrise d'Angular").
 */
const ANGULAR_BY_BODY = [
  '2020-12-17-anct-developpeur-se',
  '2020-12-18-anct-developpeur-se',
  '2022-01-10-developpeuse.-.developpeur',
  '2022-03-11-developpeur.ou.une.developpeuse.front',
];
export function usesAngular(p: SearchInput): boolean {
  return /angular/i.test(techText(p)) || ANGULAR_BY_BODY.includes(p.id);
}

/** Elixir/Phoenix: transport.data.gouv.fr's techno lists, and Avril whose back end is "Elixir / Phoenix". */
const ELIXIR_PHOENIX = [
  '2018-06-27-transport-dev',
  '2020-09-22-dev-transport',
  '2021-04-29-developpeur-transport-data-gouv',
  '2019-02-04-recrutement-Avril-full-stack',
];

// ---------------------------------------------------------------------------
// Startup families and themes.
// ---------------------------------------------------------------------------

function startupIn(...ids: string[]): (p: SearchInput) => boolean {
  return (p) => p.startupId !== null && ids.includes(p.startupId);
}

/** Unresolved startup references (the registry does not know them) that still name a known team. */
function refIn(...refs: string[]): (p: SearchInput) => boolean {
  return (p) => p.startupRef !== null && refs.includes(p.startupRef);
}

function any(...preds: Array<(p: SearchInput) => boolean>): (p: SearchInput) => boolean {
  return (p) => preds.some((f) => f(p));
}

function all(...preds: Array<(p: SearchInput) => boolean>): (p: SearchInput) => boolean {
  return (p) => preds.every((f) => f(p));
}

/** Locatio was DossierFacile's first name; its offers are the same team's. */
const dossierFacile = any(startupIn('dossierfacile'), refIn('locatio'));

/** "Les emplois de l'inclusion" (itou) and the sibling services of the Plateforme de l'inclusion. */
const itouFamily = any(
  refIn('itou', 'Itou', 'itou.md', "La.Plateforme.de.l'inclusion"),
  startupIn('pilotage.de.linclusion', 'place-de-marche-inclusion', 'la.communaute.de.linclusion'),
);

const leTaxi = any(startupIn('le-taxi'), (p) => /le\.taxi/i.test(p.title));

const transportTheme = any(
  startupIn('transport', 'le-taxi', 'preuve-de-covoiturage', 'mobilic', 'mrs', 'a-dock', 'e-chauffeur'),
  leTaxi,
);

const housingTheme = any(
  startupIn('zero-logement-vacant', 'apilos', 'histologe', 'resorption-bidonvilles', 'boussole'),
  dossierFacile,
  (p) => /logement/i.test(p.title),
);

const justiceTheme = startupIn('mon-suivi-justice', 'a-just', 'infoparquet', 'partaj');

/** Health: student mental health, psychologists' scheme, cancer patients (Lab Agora), sexual health (TuMePlay), air quality and health (ecosante). */
const healthTheme = any(
  startupIn('sante-psy-etudiant', 'inca', 'tumeplay'),
  (p) => /psycholog/i.test(p.title),
  (p) => ['2021-12-20-monpsy-chargee-deploiement', '2021-01-29-ecosante-bizdev'].includes(p.id),
);

const designTheme = any(isDesignRole, (p) => p.domaines.includes('Design'));

const isInternship = (p: SearchInput): boolean => /\bstage\b|stagiaire/i.test(`${p.title} ${p.contract ?? ''}`);

const fullStackDeveloper = all(isDeveloperRole, (p) => /full.?stack/i.test(p.title));
const frontEndDeveloper = all(isDeveloperRole, (p) => /front/i.test(p.title));
const backEndDeveloper = all(isDeveloperRole, (p) => /back/i.test(p.title));

/** Technical leadership: lead dev, tech lead, principal developer, CTO. */
const leadDeveloper = (p: SearchInput): boolean =>
  /lead d[ée]v|tech lead|d[ée]velopp\S* principal|\bCTO\b/i.test(p.title);

// ---------------------------------------------------------------------------
// The cases.
// ---------------------------------------------------------------------------

export const RELEVANCE_CASES: RelevanceCase[] = [
  // --- typos ---------------------------------------------------------------
  {
    query: 'devlopeur',
    kind: 'typo',
    why: 'A missing letter in "développeur": the candidate wants software developer offers, not business developers.',
    relevant: isDeveloperRole,
  },
  {
    query: 'desinger',
    kind: 'typo',
    why: 'Swapped letters in "designer": every UX/UI/product/service design offer answers.',
    relevant: isDesignRole,
  },
  {
    query: 'chargé de déploiment',
    kind: 'typo',
    why: 'A missing letter in "déploiement": the deployment/bizdev offers are wanted.',
    relevant: isBizdevRole,
  },
  {
    query: 'trakdechets',
    kind: 'typo',
    why: 'A misspelt startup name: all of Trackdéchets\'s offers.',
    relevant: startupIn('trackdechets'),
  },
  {
    query: 'pyhton',
    kind: 'typo',
    why: 'Swapped letters in "python": offers whose role line or techno list is Python (Django, Flask, FastAPI included).',
    relevant: usesPython,
  },
  {
    query: 'comunication',
    kind: 'typo',
    why: 'A missing "m": communication and community roles.',
    relevant: isCommunicationRole,
  },
  {
    query: 'fulstack',
    kind: 'typo',
    why: 'A missing "l" in "fullstack": full-stack developer offers.',
    relevant: fullStackDeveloper,
  },

  // --- inclusive writing ---------------------------------------------------
  {
    query: 'Développeur·se',
    kind: 'inclusive',
    why: 'Middle-dot inclusive form of the developer role: all developer offers, whatever their own spelling.',
    relevant: isDeveloperRole,
  },
  {
    query: 'développeur.euse',
    kind: 'inclusive',
    why: 'Full-stop inclusive form with the -euse ending: all developer offers.',
    relevant: isDeveloperRole,
  },
  {
    query: 'Développeur‧se',
    kind: 'inclusive',
    why: 'Hyphenation-point (U+2027) form used by DossierFacile: all developer offers.',
    relevant: isDeveloperRole,
  },
  {
    query: 'Développeur(euse)',
    kind: 'inclusive',
    why: 'Bracketed inclusive form: all developer offers.',
    relevant: isDeveloperRole,
  },
  {
    query: 'développeuse',
    kind: 'inclusive',
    why: 'The feminine form alone must reach every developer offer, including those written in the masculine only.',
    relevant: isDeveloperRole,
  },
  {
    query: 'une développeuse ou un développeur',
    kind: 'inclusive',
    why: 'The doublet form, articles included: all developer offers.',
    relevant: isDeveloperRole,
  },
  {
    query: 'Chargé(e) de déploiement',
    kind: 'inclusive',
    why: 'Bracketed inclusive form of the deployment role: the deployment/bizdev offers.',
    relevant: isBizdevRole,
  },
  {
    query: 'Chargé.e de communication',
    kind: 'inclusive',
    why: 'Full-stop inclusive form: communication and community roles.',
    relevant: isCommunicationRole,
  },
  {
    query: 'cheffe de produit',
    kind: 'inclusive',
    why: 'Feminine "cheffe": every product role (chef·fe de produit, product owner/manager, responsable produit).',
    relevant: isProductRole,
  },
  {
    query: 'designeuse',
    kind: 'inclusive',
    why: 'Feminine "designeuse" (used by DORA and Mobilic): every design offer, most of which say only "designer".',
    relevant: isDesignRole,
  },

  // --- FR/EN synonyms ------------------------------------------------------
  {
    query: 'developer',
    kind: 'synonym',
    why: 'English for "développeur": the developer offers, not "business developer" nor the "Developer experience" product manager.',
    relevant: isDeveloperRole,
  },
  {
    query: 'dev',
    kind: 'synonym',
    why: 'The usual short form: developer offers, with DevOps/SRE offers acceptable too since "dev" is half their name.',
    relevant: (p) => isDeveloperRole(p) || isOpsRole(p),
  },
  {
    query: 'product owner',
    kind: 'synonym',
    why: 'Product owner, product manager and chef·fe / responsable de produit are the same job on beta.gouv.fr.',
    relevant: isProductRole,
  },
  {
    query: 'product manager',
    kind: 'synonym',
    why: 'Same product family as "product owner", most of it written in French.',
    relevant: isProductRole,
  },
  {
    query: 'chef de produit',
    kind: 'synonym',
    why: 'The French title must also bring the "Product Owner" and "Product Manager" offers.',
    relevant: isProductRole,
  },
  {
    query: 'bizdev',
    kind: 'synonym',
    why: 'On beta.gouv.fr a bizdev is a chargé·e de déploiement or business developer: that whole family.',
    relevant: isBizdevRole,
  },
  {
    query: 'business developer',
    kind: 'synonym',
    why: 'Same family as "bizdev", mostly titled "chargé·e de déploiement"; software developers are not wanted.',
    relevant: isBizdevRole,
  },
  {
    query: 'data analyst',
    kind: 'synonym',
    why: 'The three data analyst offers (itou, Pilotage de l\'inclusion, Wikicarbone), not data engineers or scientists.',
    relevant: isDataAnalystRole,
  },
  {
    query: 'analyste de données',
    kind: 'synonym',
    why: 'French for "data analyst": the same three offers, all titled in English.',
    relevant: isDataAnalystRole,
  },

  // --- startup names -------------------------------------------------------
  {
    query: 'Trackdéchets',
    kind: 'startup',
    why: 'The startup\'s own spelling: its 14 offers.',
    relevant: startupIn('trackdechets'),
  },
  {
    query: 'demarches simplifiees',
    kind: 'startup',
    why: 'Démarches Simplifiées typed without accents: its offers.',
    relevant: startupIn('demarches-simplifiees.fr'),
  },
  {
    query: 'SANTÉ PSY',
    kind: 'startup',
    why: 'Santé Psy Étudiant in capitals, name truncated: its offers.',
    relevant: startupIn('sante-psy-etudiant'),
  },
  {
    query: 'dossierfacile',
    kind: 'startup',
    why: 'DossierFacile (formerly Locatio): the offers of that team, many of which the registry does not resolve.',
    relevant: dossierFacile,
  },
  {
    query: 'mon suivi justice',
    kind: 'startup',
    why: 'Mon Suivi Justice in lower case: its offers.',
    relevant: startupIn('mon-suivi-justice'),
  },
  {
    query: 'pass culture',
    kind: 'startup',
    why: 'Pass Culture: its offers.',
    relevant: startupIn('pass-culture'),
  },
  {
    query: 'zero logement vacant',
    kind: 'startup',
    why: 'Zéro logement vacant without the accent: its offers.',
    relevant: startupIn('zero-logement-vacant'),
  },
  {
    query: 'DORA',
    kind: 'startup',
    why: 'DORA: its offers.',
    relevant: startupIn('dora'),
  },
  {
    query: 'itou',
    kind: 'startup',
    why: 'Les emplois de l\'inclusion\'s code name: its offers (unresolved references) and the Plateforme de l\'inclusion siblings.',
    relevant: itouFamily,
  },
  {
    query: 'le.taxi',
    kind: 'startup',
    why: 'le.taxi with its dot: its offers, including two whose role line names it but whose startup is unresolved.',
    relevant: leTaxi,
  },

  // --- technologies --------------------------------------------------------
  {
    query: 'python',
    kind: 'techno',
    why: 'Offers whose role line or techno list names Python or a Python framework.',
    relevant: usesPython,
  },
  {
    query: 'ruby on rails',
    kind: 'techno',
    why: 'Offers whose role line or techno list names Ruby or Rails.',
    relevant: usesRuby,
  },
  {
    query: 'react',
    kind: 'techno',
    why: 'Offers whose role line or techno list names React.',
    relevant: usesReact,
  },
  {
    query: 'angular',
    kind: 'techno',
    why: 'Angular in the role line or techno list, plus the Conseiller numérique front offers built around Angular.',
    relevant: usesAngular,
  },
  {
    query: 'elixir',
    kind: 'techno',
    why: 'The Elixir/Phoenix back ends: transport.data.gouv.fr\'s three developer offers and Avril\'s.',
    relevant: ELIXIR_PHOENIX,
  },
  {
    query: 'PHP',
    kind: 'techno',
    why: 'PHP and its frameworks (Symfony, Laravel, WordPress) in the role line or techno list.',
    relevant: usesPhp,
  },
  {
    query: 'typescript',
    kind: 'techno',
    why: 'TypeScript in the role line (including "JS/TS") or the techno list (including one "Typescrypt").',
    relevant: usesTypeScript,
  },
  {
    query: 'nodejs',
    kind: 'techno',
    why: 'Node in any spelling (Node.js, NodeJS, node.js) in the role line or techno list.',
    relevant: usesNode,
  },

  // --- domaines / themes ---------------------------------------------------
  {
    query: 'design',
    kind: 'domaine',
    why: 'The design domaine: design roles and offers filed under the Design domaine.',
    relevant: designTheme,
  },
  {
    query: 'logement',
    kind: 'domaine',
    why: 'Housing-themed startups (Zéro logement vacant, APiLos, Histologe, DossierFacile, Résorption Bidonvilles) and role lines about housing.',
    relevant: housingTheme,
  },
  {
    query: 'justice',
    kind: 'domaine',
    why: 'Justice-themed startups: Mon Suivi Justice, A-JUST, infoParquet, PARTAJ.',
    relevant: justiceTheme,
  },
  {
    query: 'transport',
    kind: 'domaine',
    why: 'Transport and mobility startups: transport.data.gouv.fr, le.taxi, covoiturage, Mobilic, MRS, A Dock, e-Chauffeur.',
    relevant: transportTheme,
  },
  {
    query: 'santé',
    kind: 'domaine',
    why: 'Health-themed offers: Santé Psy Étudiant, the psychologists\' scheme, Lab Agora, TuMePlay, ecosante.',
    relevant: healthTheme,
  },

  // --- multi-word ----------------------------------------------------------
  {
    query: 'développeur full stack',
    kind: 'multi-word',
    why: 'Developer offers whose role line says full stack (in any of its spellings).',
    relevant: fullStackDeveloper,
  },
  {
    query: 'designer ux ui',
    kind: 'multi-word',
    why: 'Any design offer answers a UX/UI designer search.',
    relevant: isDesignRole,
  },
  {
    query: 'dev python django',
    kind: 'multi-word',
    why: 'Developer offers on a Python stack.',
    relevant: all(isDeveloperRole, usesPython),
  },
  {
    query: 'développeur react',
    kind: 'multi-word',
    why: 'Developer offers whose role line or techno list names React.',
    relevant: all(isDeveloperRole, usesReact),
  },
  {
    query: 'lead dev',
    kind: 'multi-word',
    why: 'Technical leadership offers: lead dev, tech lead, principal developer, CTO.',
    relevant: leadDeveloper,
  },
  {
    query: 'stage chargé de déploiement',
    kind: 'multi-word',
    why: 'Deployment/bizdev internships (the word "stage" or "stagiaire" in the role line or contract).',
    relevant: all(isBizdevRole, isInternship),
  },
  {
    query: 'chargé de déploiement',
    kind: 'multi-word',
    why: 'The most common role line of the corpus: the whole deployment/bizdev family.',
    relevant: isBizdevRole,
  },

  // --- accents, case, ligatures, hyphens, apostrophes -----------------------
  {
    query: 'DEVELOPPEUR',
    kind: 'folding',
    why: 'Capitals without accent: all developer offers.',
    relevant: isDeveloperRole,
  },
  {
    query: 'front end',
    kind: 'folding',
    why: 'Two words for "front-end"/"frontend"/"front": front-end developer offers.',
    relevant: frontEndDeveloper,
  },
  {
    query: 'frontend',
    kind: 'folding',
    why: 'One word: the same front-end developer offers, most of which write "front-end" or "front".',
    relevant: frontEndDeveloper,
  },
  {
    query: 'back-end',
    kind: 'folding',
    why: 'Hyphenated: the back-end developer offers, most of which write "backend" or "back".',
    relevant: backEndDeveloper,
  },
  {
    query: 'CHARGE DE DEPLOIEMENT',
    kind: 'folding',
    why: 'Capitals without accents: the deployment/bizdev family.',
    relevant: isBizdevRole,
  },
  {
    query: 'phœnix',
    kind: 'folding',
    why: 'The œ ligature must meet "Phoenix" in the techno lists: the Elixir/Phoenix offers (Mes Aides\'s "serveur phœnix" is an ops pattern, not the framework).',
    relevant: ELIXIR_PHOENIX.filter((id) => id !== '2018-06-27-transport-dev'),
  },
  {
    query: 'l’annuaire des entreprises',
    kind: 'folding',
    why: 'A typographic apostrophe and lower case: L’Annuaire des Entreprises\'s two offers.',
    relevant: startupIn('annuaire-entreprises'),
  },
  {
    query: 'e-controle',
    kind: 'folding',
    why: 'E-contrôle without the circumflex: its offers.',
    relevant: startupIn('e-controle'),
  },

  // --- queries that must return nothing -------------------------------------
  {
    query: 'juriste',
    kind: 'nothing',
    why: 'No legal role in the corpus; six bodies mention "juristes" only as users or colleagues.',
    relevant: [],
  },
  {
    query: 'boulanger',
    kind: 'nothing',
    why: 'No baker offer anywhere, and the word appears in no field.',
    relevant: [],
  },
  {
    query: 'pilote de ligne',
    kind: 'nothing',
    why: 'No airline pilot offer; "pilote"/"pilotage" only appear as steering a project, and "Saisissez au vol !" hires a developer.',
    relevant: [],
  },
  {
    query: 'xqzvwkj',
    kind: 'nothing',
    why: 'A random string.',
    relevant: [],
  },
  {
    query: 'infirmier',
    kind: 'nothing',
    why: 'No nursing offer; five product-owner bodies contain the verb "infirmer", one letter away.',
    relevant: [],
  },
  {
    query: 'plombier',
    kind: 'nothing',
    why: 'No plumber offer, and the word appears in no field.',
    relevant: [],
  },
  {
    query: 'vétérinaire',
    kind: 'nothing',
    why: 'No veterinary offer, and the word appears in no field.',
    relevant: [],
  },
  {
    query: 'comptable',
    kind: 'nothing',
    why: 'No accounting offer; five bodies mention accountants or accounting only in passing.',
    relevant: [],
  },
];

/** The ids a case judges relevant, over a given list of postings. */
export function relevantIdsFor(c: RelevanceCase, postings: readonly SearchInput[]): Set<string> {
  if (Array.isArray(c.relevant)) return new Set(c.relevant);
  const judge = c.relevant;
  return new Set(postings.filter((p) => judge(p)).map((p) => p.id));
}
