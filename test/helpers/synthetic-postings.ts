/**
 * Synthetic beta.gouv.fr-like job postings at any scale, for benchmarks and tests.
 *
 * Everything here is invented by the project: the word bank, the sentence patterns, the
 * role lines and the startups. Nothing is copied from the real corpus (../shared), which
 * benchmarks may read at run time to compare shapes, never to borrow text.
 *
 * Deterministic: the same seed gives the same postings, and posting i does not depend on
 * how many postings are asked for (the first 543 of 10,000 are the 543 of a run of 543).
 *
 * Two forms of the same postings:
 *  - `file`: the Markdown file text (YAML front matter + Markdown body), for `parsePosting`;
 *  - `input`: the `SearchInput` the product would build from it (parsed, startup resolved),
 *    built directly, without parsing (a unit test checks both forms agree).
 *
 * Realism that matters to a search benchmark: the body vocabulary keeps growing with the
 * number of postings (Heaps' law), because words are drawn with a Zipf-like distribution
 * from a large bank (over 5,000 inflected French forms generated from our own lemma lists,
 * see `wordBankSize()`) plus an open-ended tail (invented names, numbers, URL pieces,
 * typos), the way real text keeps meeting new words. bench/search.bench.ts prints the
 * vocabulary of the real postings next to the synthetic ones.
 */
import type { Startup, StartupsDocument } from '../../src/postings';
import type { SearchInput } from '../../src/search/types';

// =============================================================================================
// Random numbers

/** mulberry32: small, fast, good enough for test data. Returns [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 32-bit hash of a few integers (splitmix-like), to derive independent seeds. */
function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

type Random = () => number;

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const chance = (random: Random, p: number) => random() < p;
function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
/** Picks by weight: `[[weight, value], …]`. */
function weighted<T>(random: Random, items: readonly (readonly [number, T])[]): T {
  const total = items.reduce((sum, [w]) => sum + w, 0);
  let x = random() * total;
  for (const [w, value] of items) {
    x -= w;
    if (x < 0) return value;
  }
  return items[items.length - 1]![1];
}

/** Zipf sampler over ranks 0..n-1 with exponent s: P(rank r) ∝ 1 / (r + 1 + q)^s. */
class Zipf {
  private readonly cdf: Float64Array;
  constructor(
    readonly n: number,
    s: number,
    q = 0,
  ) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / (r + 1 + q) ** s;
      this.cdf[r] = total;
    }
    for (let r = 0; r < n; r++) this.cdf[r]! /= total;
  }
  sample(random: Random): number {
    const x = random();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Draws items of a list, most frequent first, with a Zipf-like law. */
class ZipfList<T> {
  private readonly zipf: Zipf;
  constructor(
    readonly items: readonly T[],
    s = 1,
    q = 1,
  ) {
    this.zipf = new Zipf(items.length, s, q);
  }
  draw(random: Random): T {
    return this.items[this.zipf.sample(random)]!;
  }
}

const words = (text: string) => text.trim().split(/\s+/);

// =============================================================================================
// Word bank (written for this project). Lists run roughly from frequent to rare.

/** Nouns, masculine, singular. `a|b` gives an irregular plural. */
const NOUNS_M = words(`
  service outil projet produit usager agent utilisateur besoin code logiciel site parcours formulaire
  dossier dispositif territoire département ministère incubateur programme partenaire prototype test
  déploiement développement financement budget calendrier rythme sprint atelier entretien retour indicateur
  impact objectif problème enjeu métier travail poste contrat salaire recrutement candidat profil
  écosystème réseau acteur élu citoyen bénéficiaire demandeur employeur emploi logement transport handicap
  numérique accompagnement suivi pilotage tableau|tableaux fichier référentiel annuaire registre catalogue guichet
  simulateur moteur algorithme modèle jeu|jeux format standard protocole serveur hébergement environnement langage
  framework composant module paquet dépôt ticket bogue correctif audit contrôle risque droit texte décret
  arrêté règlement cadre mandat marché appel rapport bilan chiffre volume délai mois an jour trimestre
  semestre lieu|lieux bureau|bureaux local|locaux siège collectif groupe comité conseil directeur responsable coach
  designer développeur chercheur expert stagiaire apprenti binôme référent intrapreneur sponsor
  financeur opérateur prestataire fournisseur éditeur établissement hôpital|hôpitaux patient soignant médecin
  enseignant élève étudiant lycée collège professeur agriculteur artisan commerce déchet recyclage climat
  carbone bâtiment chantier permis véhicule vélo train port littoral espace quartier village bassin massif
  sol courrier message courriel échange lien contenu article guide tutoriel support questionnaire sondage
  panel échantillon usage comportement système accès compte identifiant mot paiement versement montant
  remboursement impôt contribuable justiciable tribunal greffe juge avocat litige conflit dialogue consensus
  choix arbitrage lancement passage changement mode niveau|niveaux degré périmètre socle pilier axe volet lot
  jalon livrable résultat succès échec apprentissage terrain quotidien horizon avenir défi plaisir esprit
  état pays monde public secteur domaine thème sujet point aspect élément exemple cas scénario tableur
  indicateur parcours entrepôt pipeline microservice navigateur écran clavier mobile terminal portefeuille
  agenda rendez-vous créneau planning effectif stage poste alternant mécénat partenariat contrôleur
  inspecteur vérificateur signalement incident sinistre secours pompier gendarme policier militaire
  élevage troupeau vignoble verger jardin potager marché repas menu fournisseur producteur circuit
  chauffage isolant logement loyer bailleur locataire propriétaire quartier immeuble cadastre foncier
  musée patrimoine monument spectacle festival théâtre livre|livres auteur lecteur archiviste document
  fonds crédit prêt emprunt épargne compte grand|grands pari levier chemin pont|ponts tunnel barrage juriste
`);

/** Nouns, feminine, singular. */
const NOUNS_F = words(`
  équipe startup administration mission personne structure collectivité commune région préfecture
  direction délégation agence plateforme application donnée base interface page démarche procédure
  fonctionnalité amélioration solution méthode approche culture valeur compétence expérience connaissance
  envie appétence curiosité autonomie rigueur capacité qualité éducation justice
  écologie transition énergie mobilité agriculture alimentation cantine école université recherche
  entreprise association fondation politique réforme loi règle norme stratégie feuille route vision
  ambition priorité décision gouvernance réunion rétrospective démonstration revue version mise production
  maintenance documentation architecture infrastructure migration intégration requête analyse statistique
  mesure carte cartographie visualisation enquête campagne communication diffusion relation rencontre
  formation session conférence présentation candidature lettre offre rémunération durée période semaine
  année journée date échéance étape phase construction investigation accélération pérennisation
  consolidation hypothèse preuve idée question réponse attente difficulté contrainte opportunité ressource
  aide allocation prestation subvention dépense facture demande déclaration inscription attestation pièce
  signature vérification fraude confiance transparence ouverture licence contribution communauté filière
  branche ville métropole montagne mer forêt rivière eau pollution biodiversité nature ferme parcelle
  maison famille population jeunesse retraite insertion solidarité inclusion précarité pauvreté dignité
  égalité diversité parité fonction catégorie grille carrière posture pédagogie bienveillance exigence
  simplicité sobriété frugalité efficacité pertinence cohérence fiabilité robustesse performance
  disponibilité résilience souveraineté conformité réglementation doctrine charte convention délibération
  instruction circulaire habilitation authentification identité adresse géolocalisation photo image vidéo
  maquette animation illustration typographie couleur icône ergonomie lisibilité compréhension traduction
  langue orthographe rédaction écriture lecture note synthèse fiche liste table colonne ligne cellule
  erreur alerte notification relance vague tâche file pile branche fusion revue clé serrure porte
  fenêtre salle cuisine voiture route autoroute gare station piste frontière douane taxe redevance
  amende sanction plainte audience greffière victime enquêtrice maladie vaccination prévention urgence
  pharmacie ordonnance consultation crèche garderie classe cour récréation bibliothèque médiathèque
  archive collection exposition œuvre artiste scène saison récolte semence graine pêche chasse sécurité
  santé accessibilité
`);

/** Adjectives, masculine singular; `m|f` gives an irregular feminine. */
const ADJECTIVES = words(`
  numérique public|publique simple utile ouvert libre agile autonome curieux rigoureux motivé engagé
  expérimenté confirmé technique fonctionnel opérationnel stratégique juridique administratif territorial
  national local régional européen international interministériel social solidaire écologique durable
  sobre efficace rapide fiable robuste sécurisé accessible inclusif lisible compréhensible clair concret
  pragmatique itératif collaboratif transverse pluridisciplinaire petit grand nouveau|nouvelle premier dernier
  prochain actuel existant futur principal essentiel important majeur nécessaire indispensable souhaité
  apprécié bienvenu possible réel quotidien hebdomadaire mensuel annuel régulier ponctuel continu progressif
  complet|complète partiel global spécifique particulier général commun partagé mutualisé centralisé
  décentralisé dématérialisé automatisé manuel complexe difficile facile fluide intuitif ergonomique moderne
  ancien|ancienne historique innovant expérimental ambitieux passionnant stimulant riche varié diversifié humain
  bienveillant exigeant sérieux disponible réactif proactif organisé structuré pédagogue attentif sensible
  capable responsable fort bon|bonne excellent meilleur entier gratuit payant sanitaire médical hospitalier
  scolaire universitaire agricole alimentaire énergétique environnemental urbain rural maritime fiscal
  budgétaire financier économique pénal civil professionnel personnel|personnelle individuel collectif
  associatif privé ministériel préfectoral municipal départemental intercommunal statistique géographique
  visuel graphique textuel oral écrit distant hybride flexible souple long|longue court précis exact juste
  frais|fraîche doux|douce lent vaste étroit léger lourd neuf|neuve vieux|vieille sûr certain prudent
  vigilant pertinent cohérent transparent éthique loyal fidèle ouvert modeste calme joyeux heureux fier
  urgent prioritaire secondaire critique sensible confidentiel sécurisant rassurant vivant dynamique
  croissant massif minimal maximal optimal standard classique original unique multiple différent
`);

/** First-group verbs (`-er`), infinitive. Conjugated by rule. */
const VERBS_ER = words(`
  développer améliorer tester déployer accompagner animer piloter prioriser documenter coder intégrer
  mesurer analyser identifier rencontrer interroger organiser présenter rédiger partager échanger proposer
  imaginer prototyper valider publier diffuser informer former sensibiliser négocier contacter porter
  transformer simplifier moderniser numériser dématérialiser automatiser sécuriser héberger superviser
  surveiller corriger réparer migrer assurer coordonner collaborer travailler participer contribuer aider
  financer recruter chercher trouver donner apporter mener lancer démarrer terminer continuer adapter
  ajuster évaluer estimer calculer visualiser cartographier structurer modéliser nettoyer consolider
  fiabiliser pérenniser industrialiser passer gérer manager encadrer mentorer coacher faciliter favoriser
  encourager motiver écouter observer questionner explorer expérimenter itérer livrer installer configurer
  paramétrer administrer traiter contrôler vérifier signaler alerter notifier relancer orienter expliquer
  illustrer dessiner maquetter vulgariser communiquer représenter arbitrer décider planifier chiffrer
  acheter commander contractualiser facturer payer rembourser verser déclarer demander réclamer contester
  comparer classer trier filtrer rechercher indexer stocker sauvegarder archiver exporter importer
  connecter brancher interfacer exposer consommer utiliser réutiliser fermer quitter rester arriver entrer
  monter augmenter diminuer limiter éviter lutter protéger respecter appliquer incarner embarquer
  impliquer associer mobiliser fédérer susciter générer créer inventer innover outiller équiper doter
  accélérer essaimer généraliser répliquer mutualiser capitaliser témoigner raconter montrer prouver
  démontrer aimer souhaiter penser imaginer rêver oser jouer gagner changer bouger voyager habiter
  cultiver récolter soigner vacciner enseigner éduquer juger inspecter enquêter protéger
  mener amener lever relever acheter peser semer répéter préférer espérer compléter céder
`).filter((verb) => verb.endsWith('er'));

/** Second-group verbs (`-ir`, `-issons`), infinitive. */
const VERBS_IR = words(`
  choisir définir garantir réfléchir agir bâtir établir fournir remplir investir grandir réussir
  enrichir réunir saisir accomplir approfondir aboutir unir élargir affermir assainir nourrir
`);

/** Irregular verbs, forms written out: inf, 3s, 3p, 1p, 2p, pp, fut3s, fut2p, ppr, impf3s. */
const VERBS_IRREGULAR: readonly string[][] = [
  ['être', 'est', 'sont', 'sommes', 'êtes', 'été', 'sera', 'serez', 'étant', 'était'],
  ['avoir', 'a', 'ont', 'avons', 'avez', 'eu', 'aura', 'aurez', 'ayant', 'avait'],
  ['faire', 'fait', 'font', 'faisons', 'faites', 'fait', 'fera', 'ferez', 'faisant', 'faisait'],
  ['pouvoir', 'peut', 'peuvent', 'pouvons', 'pouvez', 'pu', 'pourra', 'pourrez', 'pouvant', 'pouvait'],
  ['devoir', 'doit', 'doivent', 'devons', 'devez', 'dû', 'devra', 'devrez', 'devant', 'devait'],
  ['vouloir', 'veut', 'veulent', 'voulons', 'voulez', 'voulu', 'voudra', 'voudrez', 'voulant', 'voulait'],
  ['savoir', 'sait', 'savent', 'savons', 'savez', 'su', 'saura', 'saurez', 'sachant', 'savait'],
  ['prendre', 'prend', 'prennent', 'prenons', 'prenez', 'pris', 'prendra', 'prendrez', 'prenant', 'prenait'],
  ['mettre', 'met', 'mettent', 'mettons', 'mettez', 'mis', 'mettra', 'mettrez', 'mettant', 'mettait'],
  ['construire', 'construit', 'construisent', 'construisons', 'construisez', 'construit', 'construira', 'construirez', 'construisant', 'construisait'],
  ['concevoir', 'conçoit', 'conçoivent', 'concevons', 'concevez', 'conçu', 'concevra', 'concevrez', 'concevant', 'concevait'],
  ['rejoindre', 'rejoint', 'rejoignent', 'rejoignons', 'rejoignez', 'rejoint', 'rejoindra', 'rejoindrez', 'rejoignant', 'rejoignait'],
  ['soutenir', 'soutient', 'soutiennent', 'soutenons', 'soutenez', 'soutenu', 'soutiendra', 'soutiendrez', 'soutenant', 'soutenait'],
  ['maintenir', 'maintient', 'maintiennent', 'maintenons', 'maintenez', 'maintenu', 'maintiendra', 'maintiendrez', 'maintenant', 'maintenait'],
  ['permettre', 'permet', 'permettent', 'permettons', 'permettez', 'permis', 'permettra', 'permettrez', 'permettant', 'permettait'],
  ['offrir', 'offre', 'offrent', 'offrons', 'offrez', 'offert', 'offrira', 'offrirez', 'offrant', 'offrait'],
  ['ouvrir', 'ouvre', 'ouvrent', 'ouvrons', 'ouvrez', 'ouvert', 'ouvrira', 'ouvrirez', 'ouvrant', 'ouvrait'],
  ['accueillir', 'accueille', 'accueillent', 'accueillons', 'accueillez', 'accueilli', 'accueillera', 'accueillerez', 'accueillant', 'accueillait'],
  ['produire', 'produit', 'produisent', 'produisons', 'produisez', 'produit', 'produira', 'produirez', 'produisant', 'produisait'],
  ['réduire', 'réduit', 'réduisent', 'réduisons', 'réduisez', 'réduit', 'réduira', 'réduirez', 'réduisant', 'réduisait'],
  ['conduire', 'conduit', 'conduisent', 'conduisons', 'conduisez', 'conduit', 'conduira', 'conduirez', 'conduisant', 'conduisait'],
  ['écrire', 'écrit', 'écrivent', 'écrivons', 'écrivez', 'écrit', 'écrira', 'écrirez', 'écrivant', 'écrivait'],
  ['lire', 'lit', 'lisent', 'lisons', 'lisez', 'lu', 'lira', 'lirez', 'lisant', 'lisait'],
  ['venir', 'vient', 'viennent', 'venons', 'venez', 'venu', 'viendra', 'viendrez', 'venant', 'venait'],
  ['tenir', 'tient', 'tiennent', 'tenons', 'tenez', 'tenu', 'tiendra', 'tiendrez', 'tenant', 'tenait'],
  ['voir', 'voit', 'voient', 'voyons', 'voyez', 'vu', 'verra', 'verrez', 'voyant', 'voyait'],
  ['résoudre', 'résout', 'résolvent', 'résolvons', 'résolvez', 'résolu', 'résoudra', 'résoudrez', 'résolvant', 'résolvait'],
  ['suivre', 'suit', 'suivent', 'suivons', 'suivez', 'suivi', 'suivra', 'suivrez', 'suivant', 'suivait'],
  ['poursuivre', 'poursuit', 'poursuivent', 'poursuivons', 'poursuivez', 'poursuivi', 'poursuivra', 'poursuivrez', 'poursuivant', 'poursuivait'],
  ['apprendre', 'apprend', 'apprennent', 'apprenons', 'apprenez', 'appris', 'apprendra', 'apprendrez', 'apprenant', 'apprenait'],
];

const ADVERBS = words(`
  aussi également notamment rapidement régulièrement progressivement directement concrètement simplement
  souvent parfois toujours déjà encore ensuite enfin ainsi surtout vraiment pleinement activement
  étroitement quotidiennement essentiellement principalement idéalement naturellement actuellement bientôt
  ensemble vite bien mieux très plutôt assez peu beaucoup davantage particulièrement fortement largement
  entièrement partiellement localement techniquement humainement collectivement individuellement
  potentiellement clairement prioritairement durablement finement sereinement patiemment précisément
`);

const FIRST_NAMES = words(`
  Camille Alex Sacha Dominique Claude Léa Hugo Chloé Lucas Manon Nathan Inès Louis Emma Jules Sarah
  Théo Julie Nicolas Amélie Thomas Clara Yanis Nadia Karim Fatou Mamadou Aïcha Pierre Marie Paul Anne
  Antoine Sophie Mathieu Laure Julien Élise Maxime Margaux Romain Pauline Adrien Lina Samuel Zoé
  Bastien Agathe Rémi Lucie Tristan Hélène Malik Yasmine Olivier Agnès Benoît Céline Quentin Anaïs
`);

const PLACES = words(`
  Paris Lyon Marseille Lille Nantes Bordeaux Toulouse Rennes Strasbourg Montpellier Grenoble Nice Dijon
  Besançon Orléans Tours Rouen Caen Brest Metz Nancy Reims Amiens Limoges Poitiers Clermont-Ferrand
  Saint-Étienne Angers Pau Bayonne Perpignan Nîmes Avignon Toulon Ajaccio Bastia Cayenne Fort-de-France
  Pointe-à-Pitre Mamoudzou Nouméa Papeete Valence Annecy Chambéry La-Rochelle Lorient Quimper Vannes
  Saint-Malo Troyes Chartres Bourges Niort Agen Albi Rodez Tarbes Gap Digne Mende Aurillac Vesoul
`).map((place) => place.replace(/-/g, (dash, offset, all) => (/^La-/.test(all) && offset === 2 ? ' ' : dash)));

const REGIONS = [
  'Bretagne', 'Normandie', 'Occitanie', 'Grand Est', 'Hauts-de-France', 'Île-de-France', 'Nouvelle-Aquitaine',
  'Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Centre-Val de Loire', 'Pays de la Loire', 'Corse',
  "Provence-Alpes-Côte d'Azur", 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte',
];

/** Technologies and tools (public names of software). */
const TECHS = [
  'Python', 'JavaScript', 'TypeScript', 'React', 'Ruby on Rails', 'Django', 'PostgreSQL', 'Node.js', 'Vue.js',
  'Docker', 'Git', 'GitHub', 'Ruby', 'SQL', 'HTML', 'CSS', 'DSFR', 'Figma', 'Metabase', 'Scalingo', 'Flask',
  'FastAPI', 'Angular', 'Svelte', 'Next.js', 'Nuxt', 'Express', 'NestJS', 'PostGIS', 'MySQL', 'MongoDB',
  'Redis', 'Elasticsearch', 'Kubernetes', 'Ansible', 'Terraform', 'Clever Cloud', 'OVHcloud', 'GitLab',
  'Sentry', 'Matomo', 'Sketch', 'Miro', 'Airtable', 'Notion', 'Grist', 'Jupyter', 'pandas', 'dbt', 'Airflow',
  'Spark', 'Scala', 'Java', 'Spring', 'Kotlin', 'Go', 'Rust', 'PHP', 'Symfony', 'Laravel', 'Drupal',
  'WordPress', 'Elixir', 'Phoenix', 'GraphQL', 'REST', 'OpenAPI', 'JSON', 'CSV', 'Keycloak', 'Mattermost',
  'Linux', 'Debian', 'Nginx', 'Celery', 'RabbitMQ', 'Kafka', 'S3', 'MinIO', 'Playwright', 'Cypress', 'Jest',
  'Vitest', 'pytest', 'RSpec', 'Tailwind', 'Sass', 'Webpack', 'Vite', 'Storybook', 'QGIS', 'Leaflet',
  'MapLibre', 'OpenStreetMap', 'R', 'Power BI', 'LibreOffice', 'Flutter', 'React Native', 'Swift', 'Android',
  'iOS', 'Redux', 'htmx', 'Stimulus', 'Sidekiq', 'Puppeteer', 'Prometheus', 'Grafana', 'Loki', 'ArgoCD',
  'Helm', 'Vault', 'Pydantic', 'SQLAlchemy', 'Alembic', 'Prisma', 'Deno', 'Bun', 'Astro', 'Hugo', 'Jekyll',
];

const INSTITUTIONS = [
  "ministère de l'Intérieur", 'ministère de la Santé', 'ministère du Travail', 'ministère de la Culture',
  'ministère des Armées', 'ministère de la Justice', "ministère de l'Éducation nationale", "ministère de l'Agriculture",
  'ministère de la Transition écologique', 'ministère des Sports', "ministère de l'Économie", 'ministère des Solidarités',
  'une caisse nationale', 'une agence nationale', 'la direction du numérique', 'une préfecture de région',
  'un conseil départemental', 'une communauté de communes', 'une agence régionale de santé', 'un établissement public',
];

const HEADINGS = [
  'Contexte', 'Le contexte', 'Qui sommes-nous ?', 'Le service', 'Le produit', 'Le problème', "L'équipe", 'Votre mission',
  'Missions', 'Vos missions', 'Activités principales', 'Ce que vous ferez', 'Profil recherché', 'Votre profil',
  'Compétences', 'Compétences attendues', 'Savoir-être', 'Les plus', 'Stack technique', 'Environnement technique',
  'Conditions', 'Modalités', 'Rémunération', 'Lieu de travail', 'Pourquoi nous rejoindre ?', 'Processus de recrutement',
  'Pour candidater', 'Comment postuler ?', 'Calendrier', 'En savoir plus', 'Nos valeurs', 'Impact', 'Quelques chiffres',
  'Les prochaines étapes', 'Ce que nous offrons', 'Votre quotidien', "L'incubateur", 'Le programme', 'Les défis',
];

const EMOJI = ['🚀', '🌱', '💻', '🎨', '📊', '🔎', '✨', '🩺', '🧭', '🤝', '🏛️', '📣', '🛠️', '🌍', '🎯', '⚖️'];

const PREPOSITIONS = words(`pour avec dans sur auprès_de au_sein_de en_lien_avec à par entre vers sans selon autour_de grâce_à pendant face_à`).map(
  (p) => p.replace(/_/g, ' '),
);

// =============================================================================================
// Morphology: the inflected forms of the bank.

const VOWEL_START = /^[aeiouyhàâäéèêëîïôöûüœæ]/i;

function pluralNoun(singular: string): string {
  if (/[sxz]$/.test(singular)) return singular;
  if (/(eau|eu)$/.test(singular)) return `${singular}x`;
  if (/al$/.test(singular) && !['festival', 'bal'].includes(singular)) return `${singular.slice(0, -2)}aux`;
  return `${singular}s`;
}

interface Noun {
  sg: string;
  pl: string;
  feminine: boolean;
}

function nouns(list: readonly string[], feminine: boolean): Noun[] {
  return list.map((entry) => {
    const [sg, pl] = entry.split('|') as [string, string | undefined];
    return { sg, pl: pl ?? pluralNoun(sg), feminine };
  });
}

interface Adjective {
  ms: string;
  fs: string;
  mp: string;
  fp: string;
}

function feminineAdjective(ms: string): string {
  if (ms.endsWith('e')) return ms;
  if (ms.endsWith('eux')) return `${ms.slice(0, -1)}se`;
  if (ms.endsWith('if')) return `${ms.slice(0, -1)}ve`;
  if (ms.endsWith('el') || ms.endsWith('ien')) return `${ms}${ms.at(-1)}e`;
  if (ms.endsWith('er')) return `${ms.slice(0, -2)}ère`;
  if (ms.endsWith('c')) return `${ms}he`;
  return `${ms}e`;
}

function adjectives(list: readonly string[]): Adjective[] {
  return list.map((entry) => {
    const [ms, irregular] = entry.split('|') as [string, string | undefined];
    const fs = irregular ?? feminineAdjective(ms);
    const mp = /[sx]$/.test(ms) ? ms : ms.endsWith('al') ? `${ms.slice(0, -2)}aux` : ms.endsWith('eau') ? `${ms}x` : `${ms}s`;
    return { ms, fs, mp, fp: `${fs}s` };
  });
}

/** Verb forms: inf, 3s, 3p, 1p, 2p, pp (m), fut3s, fut2p, ppr, impf3s, pp f, pp mp, pp fp. */
interface Verb {
  inf: string;
  s3: string;
  p3: string;
  p1: string;
  p2: string;
  pp: string;
  ppF: string;
  ppMP: string;
  ppFP: string;
  fut3: string;
  fut2: string;
  ppr: string;
  impf: string;
}

function erVerb(inf: string): Verb {
  const stem = inf.slice(0, -2);
  // Soft g/c before a and o: rédigeons, commençant.
  const softStem = stem.endsWith('g') ? `${stem}e` : stem.endsWith('c') ? `${stem.slice(0, -1)}ç` : stem;
  // Stressed stems: y → i (déploie), é → è (intègre), e + one consonant → è (mène).
  let stressed = stem;
  if (stem.endsWith('y')) stressed = `${stem.slice(0, -1)}i`;
  else if (/é([bcdfgkpt][rl]|[^aeiouyéè])$/.test(stem)) stressed = stem.replace(/é([bcdfgkpt][rl]|[^aeiouyéè])$/, 'è$1');
  else if (/[^aeiou]e[bcdfgklmnpqrstvz]$/.test(stem)) stressed = stem.replace(/e([bcdfgklmnpqrstvz])$/, 'è$1');
  const futureStem = stem.endsWith('y') || /[^aeiou]e[bcdfgklmnpqrstvz]$/.test(stem) ? `${stressed}er` : `${stem}er`;
  return {
    inf,
    s3: `${stressed}e`,
    p3: `${stressed}ent`,
    p1: `${softStem}ons`,
    p2: `${stem}ez`,
    pp: `${stem}é`,
    ppF: `${stem}ée`,
    ppMP: `${stem}és`,
    ppFP: `${stem}ées`,
    fut3: `${futureStem}a`,
    fut2: `${futureStem}ez`,
    ppr: `${softStem}ant`,
    impf: `${softStem}ait`,
  };
}

function irVerb(inf: string): Verb {
  const stem = inf.slice(0, -2);
  return {
    inf,
    s3: `${stem}it`,
    p3: `${stem}issent`,
    p1: `${stem}issons`,
    p2: `${stem}issez`,
    pp: `${stem}i`,
    ppF: `${stem}ie`,
    ppMP: `${stem}is`,
    ppFP: `${stem}ies`,
    fut3: `${inf}a`,
    fut2: `${inf}ez`,
    ppr: `${stem}issant`,
    impf: `${stem}issait`,
  };
}

function irregularVerb([inf, s3, p3, p1, p2, pp, fut3, fut2, ppr, impf]: string[]): Verb {
  const feminine = /[éiust]$/.test(pp!) && pp !== 'pu' ? `${pp}e` : pp!;
  return {
    inf: inf!, s3: s3!, p3: p3!, p1: p1!, p2: p2!, pp: pp!, ppF: feminine, ppMP: pp!.endsWith('s') ? pp! : `${pp}s`, ppFP: `${feminine}s`,
    fut3: fut3!, fut2: fut2!, ppr: ppr!, impf: impf!,
  };
}

// =============================================================================================
// The open-ended tail: invented words by rank (the same rank always gives the same word).

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'br', 'cr', 'dr', 'fl', 'gr', 'pl', 'tr', 'ch', 'qu', 'j', 'z', 'vr', 'st'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'é', 'ou', 'ai', 'au', 'eu', 'an', 'on', 'in', 'oi', 'è', 'y'];
const CODAS = ['', '', '', '', 'n', 'r', 'l', 's', 'x', 'm', 't', 'c'];
const ENDINGS = ['', '', 'ia', 'o', 'is', 'a', 'ine', 'eo', 'ix', 'ane', 'ette', 'ium', 'ys', 'ea', 'on', 'el'];

/** An invented, pronounceable word for a rank: stable across runs and seeds. */
function inventedWord(rank: number, salt: number, short = false): string {
  const random = prng(mix(rank, salt));
  const syllables = short ? weighted(random, [[2, 1], [3, 2]] as const) : weighted(random, [[4, 1], [6, 2], [2, 3], [0.3, 4]] as const);
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(random, ONSETS) + pick(random, NUCLEI) + (i === syllables - 1 ? pick(random, CODAS) : '');
  return word + pick(random, ENDINGS);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Typos seen in hand-written text: a dropped, doubled or swapped letter, a missing accent. */
function typo(random: Random, word: string): string {
  if (word.length < 5) return word;
  const i = int(random, 1, word.length - 2);
  switch (int(random, 0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default:
      return word.normalize('NFD').replace(/\p{M}/u, '').normalize('NFC');
  }
}

// =============================================================================================
// The lexicon, built once.

interface Lexicon {
  nouns: ZipfList<Noun>;
  adjectives: ZipfList<Adjective>;
  verbs: ZipfList<Verb>;
  adverbs: ZipfList<string>;
  techs: ZipfList<string>;
  places: ZipfList<string>;
  firstNames: ZipfList<string>;
  prepositions: ZipfList<string>;
  /** Ranks of the open-ended tail of invented names. */
  tail: Zipf;
  /** Distinct inflected forms of the closed bank. */
  size: number;
}

let lexiconCache: Lexicon | undefined;

function lexicon(): Lexicon {
  if (lexiconCache) return lexiconCache;
  // Interleave masculine and feminine nouns so both genders are frequent.
  const m = nouns(NOUNS_M, false);
  const f = nouns(NOUNS_F, true);
  const allNouns: Noun[] = [];
  for (let i = 0; i < Math.max(m.length, f.length); i++) {
    if (m[i]) allNouns.push(m[i]!);
    if (f[i]) allNouns.push(f[i]!);
  }
  const dedupe = <T>(items: T[], key: (item: T) => string) => {
    const seen = new Set<string>();
    return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
  };
  const verbs = dedupe(
    [...VERBS_IRREGULAR.slice(0, 9).map(irregularVerb), ...VERBS_ER.map(erVerb), ...VERBS_IR.map(irVerb), ...VERBS_IRREGULAR.slice(9).map(irregularVerb)],
    (verb) => verb.inf,
  );
  const nounList = dedupe(allNouns, (noun) => noun.sg);
  const adjectiveList = dedupe(adjectives(ADJECTIVES), (adjective) => adjective.ms);
  const forms = new Set<string>();
  for (const noun of nounList) forms.add(noun.sg).add(noun.pl);
  for (const a of adjectiveList) forms.add(a.ms).add(a.fs).add(a.mp).add(a.fp);
  for (const v of verbs) for (const form of Object.values(v)) forms.add(form);
  lexiconCache = {
    nouns: new ZipfList(nounList, 1.0, 3),
    adjectives: new ZipfList(adjectiveList, 1.0, 2),
    verbs: new ZipfList(verbs, 0.95, 2),
    adverbs: new ZipfList(ADVERBS, 1.0, 1),
    techs: new ZipfList(TECHS, 1.0, 2),
    places: new ZipfList(PLACES, 1.1, 1),
    firstNames: new ZipfList(FIRST_NAMES, 0.6, 1),
    prepositions: new ZipfList(PREPOSITIONS, 1.1, 1),
    tail: new Zipf(2_000_000, 1.05, 20),
    size: forms.size + ADVERBS.length,
  };
  return lexiconCache;
}

/** The number of distinct inflected forms in the closed word bank (nouns, adjectives, verbs, adverbs). */
export function wordBankSize(): number {
  return lexicon().size;
}

// =============================================================================================
// Startups

export type SyntheticStartup = Startup;

const STARTUP_PREFIXES = ['', '', '', '', 'Pass ', 'Diag ', 'Carto', 'Éco', 'Mon ', 'Data', 'Agri', 'Santé ', 'Archi', 'Démarches ', 'Territoires '];
const STARTUP_SUFFIXES = ['', '', '', '', '', ' Pro', ' Connect', ' Facile', ' Ouvert', ' Local', ' Direct', ' Pilote', 'Lab'];
const THEMATIQUES = ['Emploi', 'Santé', 'Logement', 'Environnement', 'Agriculture', 'Justice', 'Éducation', 'Culture', 'Mobilité', 'Sécurité', 'Solidarités', 'Fiscalité', 'Collectivités'];

/** Stable list of synthetic startups (invented names). */
export function syntheticStartups(count = 200, seed = 1): SyntheticStartup[] {
  const startups: SyntheticStartup[] = [];
  const ids = new Set<string>();
  for (let i = 0; startups.length < count; i++) {
    const random = prng(mix(seed, 0x57a7, i));
    const prefix = pick(random, STARTUP_PREFIXES);
    const core = inventedWord(i, 0x5eed + seed, true);
    // `Carto` + `brivane` glue into one word; `Pass ` + `Brivane` stay two.
    const name = `${prefix}${prefix === '' || prefix.endsWith(' ') ? capitalise(core) : core}${pick(random, STARTUP_SUFFIXES)}`;
    const id = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (id.length < 3 || ids.has(id)) continue;
    ids.add(id);
    const sentence = new Writer(random);
    const pitch = `${name} ${sentence.verb().s3} ${sentence.nounPhrase({ plural: chance(random, 0.4) })} ${sentence.prepositionalPhrase()}.`;
    const year = int(random, 2016, 2023);
    startups.push({
      id,
      name,
      pitch,
      link: `https://${id}.beta.gouv.fr`,
      contact: `contact@${id}.exemple.fr`,
      phases: [{ name: 'investigation', start: `${year}-0${int(random, 1, 9)}-01`, end: '' }],
      thematiques: [pick(random, THEMATIQUES)],
      technos: chance(random, 0.6) ? [pick(random, TECHS), pick(random, TECHS)].filter((t, k, all) => all.indexOf(t) === k) : [],
      incubatorId: `incubateur-${inventedWord(i % 23, 0x1c0b)}`,
    });
  }
  return startups;
}

/** The same startups in the JSON:API shape of startups.json (for `readStartupsRegistry`). */
export function syntheticStartupsDocument(startups: readonly SyntheticStartup[]): StartupsDocument {
  return {
    data: startups.map((s) => ({
      id: s.id,
      type: 'startup',
      attributes: {
        name: s.name,
        pitch: s.pitch,
        ...(s.link ? { link: s.link } : {}),
        ...(s.contact ? { contact: s.contact } : {}),
        phases: s.phases.map((p) => ({ name: p.name, start: p.start, ...(p.end ? { end: p.end } : {}) })),
        thematiques: s.thematiques,
        technos: s.technos,
      },
      ...(s.incubatorId ? { relationships: { incubator: { data: { type: 'incubator', id: s.incubatorId } } } } : {}),
    })),
  };
}

// =============================================================================================
// Sentences

interface NounPhraseOptions {
  plural?: boolean;
  definite?: boolean;
  depth?: number;
}

/** Writes French-looking text from the bank. One writer per posting (its own random stream). */
class Writer {
  private readonly lex = lexicon();
  constructor(
    readonly random: Random,
    /** The posting's startup, mentioned now and then. */
    readonly startupName = '',
    readonly startupId = '',
    /** How the body names the posting's role (`chargé·e de déploiement`); empty: generic text. */
    readonly mentions: readonly string[] = [],
    /** Technical roles talk about technologies; the others rarely. */
    readonly technical = false,
  ) {}

  /** The posting's role as the body names it, or a team member. */
  private mention(): string {
    return this.mentions.length > 0 && chance(this.random, 0.8) ? pick(this.random, this.mentions) : teamMember(this.random)[0];
  }

  /** `d'un·e intrapreneur·e, de deux développeurs et d'une designer`. */
  private team(): string {
    const r = this.random;
    const members = Array.from({ length: int(r, 2, 5) }, () => {
      const [sg, pl, feminine] = teamMember(r);
      const n = weighted(r, [[5, 1], [2, 2], [1, 3]] as const);
      if (n > 1) return `de ${n === 2 ? 'deux' : 'trois'} ${pl}`;
      return `${feminine ? "d'une" : chance(r, 0.3) ? "d'un·e" : "d'un"} ${sg}`;
    });
    return `${members.slice(0, -1).join(', ')} et ${members.at(-1)}`;
  }

  noun(): Noun {
    return this.lex.nouns.draw(this.random);
  }
  verb(): Verb {
    return this.lex.verbs.draw(this.random);
  }
  adjective(): Adjective {
    return this.lex.adjectives.draw(this.random);
  }
  adverb(): string {
    return this.lex.adverbs.draw(this.random);
  }
  tech(): string {
    return this.lex.techs.draw(this.random);
  }
  place(): string {
    return chance(this.random, 0.12) ? pick(this.random, REGIONS) : this.lex.places.draw(this.random);
  }

  /** A word of the open-ended tail: invented names, numbers, codes, typos. */
  rare(): string {
    const r = this.random;
    return weighted(r, [
      [5, () => capitalise(inventedWord(this.lex.tail.sample(r), 0x7a11))],
      [3, () => inventedWord(this.lex.tail.sample(r), 0x7a12)],
      [2, () => `${this.lex.firstNames.draw(r)} ${capitalise(inventedWord(this.lex.tail.sample(r), 0x5a3e))}`],
      [2, () => String(weighted(r, [[4, int(r, 1, 31)], [2, int(r, 2010, 2026)], [2, int(r, 32, 999)], [1, int(r, 1000, 99_999)]] as const))],
      [1, () => `${inventedWord(this.lex.tail.sample(r), 0x7a13)}${int(r, 2, 99)}`],
      [2, () => typo(r, weighted(r, [[3, this.noun().sg], [2, this.verb().inf], [2, this.adjective().fs]] as const))],
    ] as const)();
  }

  /** `le`, `la`, `l'`, `un`, `des`… agreeing with the noun. */
  private determiner(noun: Noun, plural: boolean, definite: boolean): string {
    const r = this.random;
    if (plural) return definite ? weighted(r, [[10, 'les'], [1, 'ces'], [1, 'nos'], [1, 'vos'], [0.5, 'leurs']] as const) : pick(r, ['des', 'des', 'plusieurs', 'quelques', noun.feminine ? 'de nombreuses' : 'de nombreux']);
    const elide = VOWEL_START.test(noun.sg) && noun.sg !== 'handicap';
    if (definite) {
      const choice = weighted(r, [[10, 'the'], [1, 'this'], [1, 'our'], [1, 'your'], [0.3, 'each']] as const);
      if (choice === 'the') return elide ? "l'" : noun.feminine ? 'la' : 'le';
      if (choice === 'this') return noun.feminine ? 'cette' : elide ? 'cet' : 'ce';
      if (choice === 'our') return 'notre';
      if (choice === 'your') return 'votre';
      return 'chaque';
    }
    return noun.feminine ? 'une' : 'un';
  }

  nounPhrase(options: NounPhraseOptions = {}): string {
    const r = this.random;
    const plural = options.plural ?? chance(r, 0.3);
    const definite = options.definite ?? chance(r, 0.72);
    const depth = options.depth ?? 0;
    const noun = this.noun();
    const det = this.determiner(noun, plural, definite);
    let text = `${det}${det.endsWith("'") ? '' : ' '}${plural ? noun.pl : noun.sg}`;
    if (chance(r, 0.45)) {
      const a = this.adjective();
      text += ` ${plural ? (noun.feminine ? a.fp : a.mp) : noun.feminine ? a.fs : a.ms}`;
    } else if (chance(r, 0.12)) {
      // A past participle used as an adjective: `les données partagées`.
      const v = this.verb();
      text += ` ${plural ? (noun.feminine ? v.ppFP : v.ppMP) : noun.feminine ? v.ppF : v.pp}`;
    }
    if (depth < 1 && chance(r, 0.35)) text += ` ${this.complement(depth + 1)}`;
    else if (chance(r, 0.04)) text += ` ${this.rare()}`;
    return text;
  }

  /** `de la …`, `du …`, `des …`, `d'un …`. */
  private complement(depth: number): string {
    const phrase = this.nounPhrase({ depth, definite: chance(this.random, 0.7) });
    return `${this.contract('de', phrase)}`;
  }

  /** `de le` → `du`, `à les` → `aux`, `de un` → `d'un`… */
  private contract(preposition: string, phrase: string): string {
    if (preposition === 'de' || preposition.endsWith(' de')) {
      const head = preposition.slice(0, -2);
      const joined = phrase.startsWith('le ')
        ? `du ${phrase.slice(3)}`
        : phrase.startsWith('les ')
          ? `des ${phrase.slice(4)}`
          : phrase.startsWith('des ')
            ? `de ${phrase.slice(4)}`
            : phrase.startsWith('de ')
              ? phrase
              : VOWEL_START.test(phrase)
                ? `d'${phrase}`
                : `de ${phrase}`;
      return `${head}${joined}`;
    }
    if (preposition === 'à' || preposition.endsWith(' à')) {
      const head = preposition.slice(0, -1);
      const joined = phrase.startsWith('le ') ? `au ${phrase.slice(3)}` : phrase.startsWith('les ') ? `aux ${phrase.slice(4)}` : `à ${phrase}`;
      return `${head}${joined}`;
    }
    return `${preposition} ${phrase}`;
  }

  prepositionalPhrase(): string {
    const r = this.random;
    if (chance(r, 0.08)) return `à ${this.place()}`;
    if (chance(r, 0.05) && this.startupName) return `avec ${this.startupName}`;
    return this.contract(this.lex.prepositions.draw(r), this.nounPhrase({ definite: chance(r, 0.65) }));
  }

  private techList(): string {
    const n = int(this.random, 2, 4);
    const items = Array.from({ length: n }, () => this.tech());
    return `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
  }

  private number(): string {
    const r = this.random;
    return weighted(r, [
      [4, String(int(r, 2, 12))],
      [3, String(int(r, 10, 99))],
      [2, `${int(r, 1, 9)} ${String(int(r, 0, 999)).padStart(3, '0')}`],
      [1, `${int(r, 100, 999)}`],
    ] as const);
  }

  url(): string {
    const r = this.random;
    const slug = () => slugWord(weighted(r, [[3, this.noun().sg], [1, this.verb().inf], [1, inventedWord(this.lex.tail.sample(r), 0x0c1a)]] as const));
    return weighted(r, [
      [3, () => `https://${this.startupId || slug()}.beta.gouv.fr${chance(r, 0.6) ? `/${slug()}` : ''}`],
      [2, () => `https://github.com/${this.startupId || slug()}/${slug()}${chance(r, 0.3) ? `/issues/${int(r, 1, 3000)}` : ''}`],
      [1, () => `https://doc.${slug()}.fr/${slug()}-${slug()}`],
      [1, () => `https://www.${slug()}.gouv.fr/${slug()}/${hexId(r)}`],
      [1, () => `https://forms.exemple.fr/${hexId(r)}`],
    ] as const)();
  }

  link(): string {
    const text = chance(this.random, 0.5) ? this.nounPhrase({ plural: false }) : capitalise(this.noun().sg);
    return `[${text}](${this.url()})`;
  }

  /** One sentence, punctuation included. */
  sentence(): string {
    const r = this.random;
    const v = () => this.verb();
    const np = (plural?: boolean) => this.nounPhrase(plural === undefined ? {} : { plural });
    const pp = () => this.prepositionalPhrase();
    const adj = () => this.adjective().fs;
    const Np = (plural?: boolean) => capitalise(np(plural));
    const startup = this.startupName || capitalise(inventedWord(this.lex.tail.sample(r), 0x57a7));
    const t = this.technical ? 1 : 0.15;
    const patterns: readonly (readonly [number, () => string])[] = [
      [3, () => `En tant que ${this.mention()}, vous ${v().p2} ${np()} ${pp()}.`],
      [2, () => `Nous recherchons ${pick(r, ['un·e', 'une ou un', 'un ou une', 'un.e'])} ${this.mention()} pour ${v().inf} ${np()}.`],
      [2, () => `L'équipe est composée ${this.team()}.`],
      [1, () => `${capitalise(this.mention())} ${v().s3} ${np()} avec ${pick(r, ['le', 'la', "l'équipe de"])} ${teamMember(r)[0]}.`],
      [6, () => `Vous ${v().p2} ${np()} ${pp()}.`],
      [4, () => `Vous ${v().fut2} ${np()} et ${v().fut2} ${np()}.`],
      [4, () => `Nous ${v().p1} ${np()} ${this.adverb()}.`],
      [6, () => `${Np(false)} ${v().s3} ${np()} ${pp()}.`],
      [4, () => `${Np(true)} ${v().p3} ${this.adverb()} ${np()}.`],
      [3, () => `Au quotidien, vous ${v().p2} ${np()} ${pp()}, en lien avec ${np()}.`],
      [2, () => `Le service ${v().s3} déjà ${this.number()} ${this.noun().pl} ${pp()}.`],
      [2, () => `Depuis ${int(r, 2015, 2024)}, l'équipe ${v().s3} ${np()} ${pp()}.`],
      [3, () => `Votre rôle consiste à ${v().inf} ${np()} ${pp()}.`],
      [3, () => `Il s'agit de ${v().inf} ${np()} et de ${v().inf} ${np()}.`],
      [2, () => `L'objectif est de ${v().inf} ${np()} d'ici ${int(r, 2019, 2026)}.`],
      [3, () => `${startup} ${v().s3} ${np()} ${pp()}.`],
      [2, () => `Vous travaillerez avec ${np()}, ${np()} et ${np()}.`],
      [1, () => `Le poste est basé à ${this.place()}, avec ${int(r, 1, 4)} jours de télétravail par semaine.`],
      [1, () => `La mission dure ${int(r, 3, 24)} mois, renouvelable.`],
      [2, () => `Vous êtes ${adj()}, ${adj()} et ${adj()}.`],
      [2 * t, () => `Une expérience en ${this.tech()} est ${pick(r, ['appréciée', 'un plus', 'souhaitée', 'bienvenue', 'indispensable'])}.`],
      [2 * t, () => `Vous maîtrisez ${this.tech()} et vous connaissez ${this.tech()}.`],
      [2 * t, () => `La stack actuelle repose sur ${this.techList()}.`],
      [1 * t, () => `Le code est ouvert et publié sur ${this.url()}.`],
      [1, () => `Pour en savoir plus : ${this.link()}.`],
      [2, () => `Nous cherchons une personne ${adj()}, ${adj()} et ${adj()}.`],
      [2, () => `En ${int(r, 2017, 2024)}, ${this.number()} ${this.noun().pl} ont ${v().pp} ${np()}.`],
      [2, () => `Chaque semaine, ${np(false)} ${v().s3} ${np()}.`],
      [2, () => `Ce que nous attendons : ${v().inf} ${np()}, ${v().inf} ${np()} et ${v().inf} ${np()}.`],
      [1, () => `Vous serez accompagné·e par ${np()} de ${pick(r, INSTITUTIONS)}.`],
      [1, () => `Le produit est utilisé par ${this.number()} ${this.noun().pl} dans ${int(r, 2, 101)} départements.`],
      [3, () => `${capitalise(this.adverb())}, vous ${v().p2} ${np()}.`],
      [1, () => `Vous avez envie de ${v().inf} ${np()} ?`],
      [1, () => `Pourquoi ${v().inf} ${np()} ? Parce que ${np(false)} ${v().s3} ${np()}.`],
      [2, () => `${Np(false)} ${pick(r, ['est', 'reste', 'devient', 'sera'])} ${this.adjective().ms} pour ${np()}.`],
      [2, () => `Grâce à ${np()}, ${np(false)} ${v().s3} ${np()} ${this.adverb()}.`],
      [1, () => `Vous pourrez ${v().inf} ${np()} sans ${v().inf} ${np()}.`],
      [1, () => `${this.rare()} ${v().s3} ${np()} ${pp()}.`],
      [1, () => `Rendez-vous à ${this.place()} le ${int(r, 1, 28)} ${pick(r, MONTHS)} pour ${v().inf} ${np()}.`],
      [1, () => `La rémunération se situe entre ${int(r, 35, 60)} 000 et ${int(r, 61, 90)} 000 euros bruts par an, ou entre ${int(r, 350, 500)} et ${int(r, 501, 750)} € par jour en indépendant.`],
      [1, () => `Les candidatures sont ouvertes jusqu'au ${int(r, 1, 28)} ${pick(r, MONTHS)} ${int(r, 2018, 2024)}.`],
      [1, () => `Écrivez-nous à ${this.email()} en présentant ${np()}.`],
    ];
    let text = weighted(r, patterns)();
    if (chance(r, 0.08)) text = text.replace(/ (\p{L}+ \p{L}+)([.?])$/u, ' **$1**$2');
    else if (chance(r, 0.03)) text = text.replace(/ (\p{L}+)([.?])$/u, ' _$1_$2');
    if (chance(r, 0.05)) text = text.replace(/\.$/, ` (${this.rare()}).`);
    return text;
  }

  email(): string {
    return `${slugWord(this.lex.firstNames.draw(this.random))}.${inventedWord(this.lex.tail.sample(this.random), 0x5a3e)}@${this.startupId || 'recrutement'}.exemple.fr`;
  }

  /** A short phrase for a list item. */
  listItem(): string {
    const r = this.random;
    return weighted(r, [
      [5, () => `${capitalise(this.verb().inf)} ${this.nounPhrase()} ${chance(r, 0.5) ? this.prepositionalPhrase() : ''}`.trim()],
      [2, () => capitalise(this.nounPhrase())],
      [2, () => `**${capitalise(this.noun().sg)}** : ${this.sentence()}`],
      [this.technical ? 1 : 0.1, () => `${this.tech()}${chance(r, 0.5) ? ` et ${this.tech()}` : ''}`],
      [1, () => this.sentence()],
      [1, () => `${capitalise(this.adjective().fs)} et ${this.adjective().fs}`],
      [1, () => this.link()],
    ] as const)();
  }

  paragraph(): string {
    return Array.from({ length: int(this.random, 1, 5) }, () => this.sentence()).join(' ');
  }

  list(): string {
    const r = this.random;
    const numbered = chance(r, 0.15);
    const bullet = pick(r, ['-', '-', '*']);
    const end = pick(r, ['', '', ' ;', '.']);
    return Array.from({ length: int(r, 2, 8) }, (_, i) => `${numbered ? `${i + 1}.` : bullet} ${this.listItem()}${end}`).join('\n');
  }

  heading(): string {
    const r = this.random;
    const level = weighted(r, [[6, '##'], [2, '###'], [1, '#'], [1, '####']] as const);
    const title = chance(r, 0.85) ? pick(r, HEADINGS) : capitalise(this.nounPhrase({ definite: true }));
    return `${level} ${chance(r, 0.1) ? `${pick(r, EMOJI)} ` : ''}${title}`;
  }
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function slugWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function hexId(random: Random): string {
  return Array.from({ length: 12 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
}

// =============================================================================================
// Role lines

interface RoleFamily {
  weight: number;
  domaine: string;
  roles: readonly string[];
  /** Specialities appended to the role (may be empty). */
  specialities?: readonly string[];
  techno?: boolean;
  /** How a body names this role. */
  mentions: readonly string[];
}

const ROLE_FAMILIES: readonly RoleFamily[] = [
  {
    weight: 34,
    domaine: 'Développement',
    mentions: ['développeur·se', 'développeur ou développeuse', 'dev', 'développeuse', 'développeur', 'développeur.euse full-stack', 'lead dev', 'développeur·euse back-end', 'dev front-end'],
    roles: [
      'Développeur·se', 'Développeur.euse', 'développeur·euse', 'Développeuse ou développeur', 'Développeur ou développeuse',
      'Développeur(euse)', 'développeur.se', 'Développeur/Développeuse', 'Dev', 'dev', 'Développeur·euse', 'Développeur (F/H)',
      'Développeur.se', 'Lead dev', 'Tech lead', 'Software engineer', 'Full-stack developer', 'Backend engineer',
      'Ingénieur·e logiciel', 'Développeur·se senior', 'Développeur·se junior', 'Développeuse ou développeur expérimenté·e',
    ],
    specialities: [
      '', 'full-stack', 'fullstack', 'full stack', 'back-end', 'backend', 'front-end', 'front', 'web', 'mobile', 'Python',
      'Ruby on Rails', 'React', 'Django', 'Node.js', 'TypeScript', 'Java', 'PHP/Symfony', 'Go', 'Vue.js', 'Python/Django',
      'web full-stack', 'JavaScript', 'Elixir', 'Rails', 'data', 'fullstack JS', 'front-end React',
    ],
    techno: true,
  },
  {
    weight: 12,
    domaine: 'Déploiement',
    mentions: ['chargé·e de déploiement', 'chargé(e) de déploiement', 'bizdev', 'responsable du déploiement', 'business developer', 'chargée de déploiement'],
    roles: [
      'Chargé(e) de déploiement', 'Chargé·e de déploiement', 'chargée ou chargé de déploiement', 'Chargé.e de déploiement',
      'Chargé·e de déploiement territorial', 'Chargé(e) d’accompagnement', 'Chargé·e de relation usagers', 'Chargé·e de support',
      'Chargé·e de partenariats', 'Responsable du déploiement', 'Business developer', 'Bizdev', 'Biz dev', 'Customer success manager',
      'Growth hacker', 'Chargé·e de mission', 'Chargé(e) de communication', 'Animateur·rice de communauté', 'Chargé·e de déploiement santé',
    ],
    specialities: ['', '', '', 'national', 'en région', 'terrain', 'Sud-Ouest', 'Grand Est', 'outre-mer', 'auprès des collectivités'],
  },
  {
    weight: 12,
    domaine: 'Produit',
    mentions: ['product owner', 'chef·fe de produit', 'product manager', 'responsable produit', 'PO'],
    roles: [
      'Product Owner', 'Product owner', 'Product manager', 'PM', 'Chef·fe de produit', 'Chef.fe de projet', 'Cheffe ou chef de produit',
      'Chef(fe) de produit', 'Responsable produit', 'Responsable de produit numérique', 'Data product owner', 'Product Owner / Chef·fe de produit',
      'Cheffe de projet numérique', 'Scrum master',
    ],
    specialities: ['', '', 'junior', 'senior', 'santé', 'data', 'technique'],
  },
  {
    weight: 9,
    domaine: 'Design',
    mentions: ['designer', 'designer UX/UI', 'UX designer', 'designer de services', 'designer·euse'],
    roles: [
      'Designer UX/UI', 'Designer', 'UX/UI designer', 'UX designer', 'UI designer', 'Designer produit', 'Designer de services',
      'Designer en recherche utilisateur', 'Product designer', 'UX researcher', 'Content designer', 'Designer·euse', 'Ergonome',
    ],
    specialities: ['', '', '', 'senior', 'confirmé·e', 'accessibilité', 'mobile'],
  },
  {
    weight: 7,
    domaine: 'Data',
    mentions: ['data analyst', 'data scientist', 'data engineer', 'analyste de données'],
    roles: ['Data analyst', 'Data scientist', 'Data engineer', 'Analyste de données', 'Ingénieur·e data', 'Data analyst·e', 'Statisticien·ne'],
    specialities: ['', '', 'santé', 'géomatique', 'junior', 'senior', 'Python'],
    techno: true,
  },
  {
    weight: 5,
    domaine: 'Développement',
    mentions: ['devops', 'DevOps', 'administrateur·rice systèmes', 'SRE', 'ops'],
    roles: ['Administrateur·rice systèmes', 'Administrat.eur.rice système', 'Ingénieur·e DevOps', 'DevOps', 'Dev ops', 'SRE', 'Ingénieur(e) infrastructure', 'Architecte logiciel', 'Ops'],
    specialities: ['', '', 'cloud', 'Kubernetes', 'sécurité'],
    techno: true,
  },
  { weight: 4, domaine: 'Intraprenariat', mentions: ['intrapreneur·e', 'intrapreneur', 'intrapreneuse'], roles: ['Intrapreneur·e', 'Intrapreneur.euse', 'intrapreneur(e)', 'Intrapreneuse ou intrapreneur', 'Intrapreneur'] },
  { weight: 4, domaine: 'Coaching', mentions: ['coach', 'coach agile'], roles: ['Coach agile', 'Coach produit', 'Coach de startup d’État', 'Coach', 'Coach·e'] },
  { weight: 3, domaine: 'Autre', mentions: ['juriste', 'juriste numérique'], roles: ['Juriste', 'Juriste numérique', 'Juriste en droit public', 'Expert·e juridique', 'Juriste données personnelles'] },
  { weight: 3, domaine: 'Design', mentions: ['expert·e accessibilité', 'auditeur·rice RGAA'], roles: ['Expert·e accessibilité', 'Auditeur·rice accessibilité (RGAA)', 'Référent(e) accessibilité numérique'] },
  {
    weight: 7,
    domaine: 'Autre',
    mentions: ['membre de l’équipe', 'stagiaire', 'alternant·e', 'responsable'],
    roles: [
      'Stagiaire développement', 'Alternant·e data', 'Assistant·e de projet', 'Gestionnaire des opérations', 'Responsable de la sécurité (RSSI)',
      'Rédacteur·rice web', 'Traducteur·rice', 'Responsable de la communication', 'Animateur·rice', 'Office manager', 'Responsable administratif·ve',
    ],
  },
];

/** Team members: singular, plural, feminine. */
const TEAM_MEMBERS: readonly (readonly [string, string, boolean])[] = [
  ['intrapreneur', 'intrapreneurs', false], ['intrapreneuse', 'intrapreneuses', true], ['coach', 'coachs', false],
  ['développeur', 'développeurs', false], ['développeuse', 'développeuses', true], ['développeur·se', 'développeur·ses', false],
  ['designer', 'designers', false], ['designer', 'designers', true], ['product owner', 'product owners', false],
  ['chargé de déploiement', 'chargés de déploiement', false], ['chargée de déploiement', 'chargées de déploiement', true],
  ['bizdev', 'bizdevs', false], ['data analyst', 'data analysts', false], ['data scientist', 'data scientists', true],
  ['devops', 'devops', false], ['juriste', 'juristes', true], ['cheffe de produit', 'cheffes de produit', true],
  ['chef de produit', 'chefs de produit', false], ['UX designer', 'UX designers', false], ['dev front-end', 'devs front-end', false],
  ['dev back-end', 'devs back-end', false], ['sponsor', 'sponsors', false], ['agent métier', 'agents métier', false],
];

let teamZipf: Zipf | undefined;
/** Team members, the usual ones (intrapreneur, coach, developers) far more often than the rare ones. */
function teamMember(random: Random): readonly [string, string, boolean] {
  teamZipf ??= new Zipf(TEAM_MEMBERS.length, 1.2, 0.5);
  return TEAM_MEMBERS[teamZipf.sample(random)]!;
}

const ARTICLES = ['', '', '', '', '', 'un·e ', 'Un·e ', 'Un ou une ', 'une ou un ', 'un.e '];

function roleLine(random: Random, startup: SyntheticStartup | null): { title: string; family: RoleFamily } {
  const family = weighted(random, ROLE_FAMILIES.map((f) => [f.weight, f] as const));
  let role = pick(random, family.roles);
  // Specialities go with generic roles (`Développeur·se back-end`), rarely with the others.
  const generic = /^(d[ée]v|ingénieur|data analyst$|designer$|chef|chargé)/i.test(role) && !/ (ou|et|senior|junior|expérimenté)/.test(role);
  const speciality = family.specialities && (generic || chance(random, 0.15)) ? pick(random, family.specialities) : '';
  if (speciality) role += ` ${speciality}`;
  const article = pick(random, ARTICLES);
  if (article && !/^[A-Z]{2}/.test(role) && !/^(un|une)\b/i.test(role)) role = article + role.charAt(0).toLowerCase() + role.slice(1);
  role = capitaliseSometimes(random, role);
  if (chance(random, 0.08)) role += pick(random, [' (F/H)', ' (H/F)', ' - F/H', ' (stage)', ' en freelance', ' junior', ' expérimenté·e']);
  if (chance(random, 0.06)) role += ` et ${pick(random, pick(random, ROLE_FAMILIES).roles).toLowerCase()}`;
  if (startup && chance(random, 0.25)) role += pick(random, [` — ${startup.name}`, ` pour ${startup.name}`, ` chez ${startup.name}`, ` (${startup.name})`, ` - ${startup.name}`]);
  if (chance(random, 0.05)) role += ` à ${pick(random, PLACES)}`;
  if (chance(random, 0.08)) role = chance(random, 0.5) ? `${pick(random, EMOJI)} ${role}` : `${role} ${pick(random, EMOJI)}`;
  return { title: role.replace(/\s+/g, ' ').trim(), family };
}

function capitaliseSometimes(random: Random, text: string): string {
  if (/^(un|une)\b/i.test(text)) return chance(random, 0.5) ? capitalise(text) : text;
  return chance(random, 0.85) ? capitalise(text) : text;
}

// =============================================================================================
// Postings

export interface SyntheticPosting {
  /** The Markdown file, as a feed would serve it. */
  file: { name: string; text: string };
  /** The search input the product would build from the file (parsed, startup resolved). */
  input: SearchInput;
  /** The startup the posting was written for, or null (no `startup` field, or one that resolves to none). */
  startup: SyntheticStartup | null;
}

export interface SyntheticOptions {
  /** Default 1. */
  seed?: number;
  /** Source id used in `SearchInput.key`/`sourceId`. Default `synthetic`. */
  sourceId?: string;
  /** Default: `syntheticStartups(200, seed)`. */
  startups?: readonly SyntheticStartup[];
}

/** Body length bounds, UTF-8 bytes: every body is within 2–15 KB (decimal or binary, either way). */
export const BODY_MIN_BYTES = 2_000;
export const BODY_MAX_BYTES = 15_000;

const DOMAINE_SPELLINGS: Record<string, readonly string[]> = {
  Développement: ['Développement', 'Développement', 'développement', 'developpement'],
  Déploiement: ['Déploiement', 'Déploiement', 'déploiement'],
  Produit: ['Produit', 'Produit', 'produit'],
  Design: ['Design', 'design'],
  Data: ['Data', 'data'],
  Coaching: ['Coaching'],
  Animation: ['Animation', 'animation'],
  Intraprenariat: ['Intraprenariat'],
  Autre: ['Autre', 'autre'],
};
const CONTRACTS = ['indépendant', 'Freelance', 'CDD 3 ans', 'stage', 'contractuel', 'indépendant·e', 'CDI', 'indépendant/freelance', 'CDD', 'alternance', 'Fonctionnaire ou contractuel'];

const utf8 = new TextEncoder();
const byteLength = (text: string) => utf8.encode(text).length;

/** Days since 2018-01-01 → `YYYY-MM-DD`. */
const FIRST_DAY = Date.UTC(2018, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);
const dayString = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function bodyFor(writer: Writer, random: Random, startup: SyntheticStartup | null): string {
  // Log-normal-ish target, median ≈ 4.3 KB like the real postings, clipped to the bounds.
  const gaussian = (random() + random() + random() + random() - 2) / 0.577;
  const target = Math.min(BODY_MAX_BYTES - 600, Math.max(BODY_MIN_BYTES + 200, Math.round(4_300 * Math.exp(0.5 * gaussian))));
  const blocks: string[] = [];
  let size = 0;
  const add = (block: string): boolean => {
    const bytes = byteLength(block) + 2;
    if (size + bytes > BODY_MAX_BYTES) return false;
    blocks.push(block);
    size += bytes;
    return true;
  };
  if (chance(random, 0.3)) add(`# ${capitalise(writer.nounPhrase({ definite: true }))}${chance(random, 0.3) ? ' ?' : ''}`);
  else if (chance(random, 0.5)) add(`## ${pick(random, ['Contexte', 'Le contexte', 'Qui sommes-nous ?', 'Le service'])}`);
  add(startup && chance(random, 0.6) ? `${startup.name} ${writer.verb().s3} ${writer.nounPhrase()} ${writer.prepositionalPhrase()}. ${writer.paragraph()}` : writer.paragraph());
  if (chance(random, 0.4)) add('<!--more-->');
  while (size < target) {
    const block = weighted(random, [
      [5, () => writer.paragraph()],
      [3, () => writer.list()],
      [2, () => writer.heading()],
      [0.3, () => `> ${writer.sentence()}`],
      [0.3, () => `${writer.link()}`],
      [0.1, () => `| Étape | Durée |\n| --- | --- |\n| ${capitalise(writer.noun().sg)} | ${int(random, 1, 6)} semaines |\n| ${capitalise(writer.noun().sg)} | ${int(random, 1, 6)} mois |`],
    ] as const)();
    if (!add(block) && !add(writer.sentence())) break;
  }
  while (size < BODY_MIN_BYTES) add(writer.sentence());
  return `${blocks.join('\n\n')}\n`;
}

function yamlScalar(random: Random, text: string): string {
  const needsQuotes = /: |\s#|^[\s"'&*!|>%@`[\]{}#?,-]|[:\s]$/.test(text);
  return needsQuotes || chance(random, 0.25) ? JSON.stringify(text) : text;
}

/** One synthetic posting; depends only on (seed, index, startups), not on how many are generated. */
export function syntheticPosting(index: number, options: SyntheticOptions = {}, usedNames?: Set<string>): SyntheticPosting {
  const seed = options.seed ?? 1;
  const sourceId = options.sourceId ?? 'synthetic';
  const startups = options.startups ?? defaultStartups(seed);
  const random = prng(mix(seed, 0xb0d1, index));

  // A few startups recruit a lot (Zipf over the list), some postings name none.
  const startup = chance(random, 0.85) ? startups[startupZipf(startups.length).sample(random)]! : null;
  const { title, family } = roleLine(random, startup);
  const writer = new Writer(random, startup?.name ?? '', startup?.id ?? '', family.mentions, family.techno === true);

  const openFlagWanted = chance(random, 0.055);
  const dayMs = openFlagWanted
    ? Date.UTC(2024, 4, 1) + int(random, 0, 119) * 86_400_000
    : FIRST_DAY + Math.floor(random() ** 0.8 * ((LAST_DAY - FIRST_DAY) / 86_400_000)) * 86_400_000;
  const date = dayString(dayMs);
  const filled = chance(random, 0.04);
  const depublicationDate = chance(random, 0.06) ? dayString(dayMs + int(random, 20, 150) * 86_400_000) : null;
  const applicationDeadline = !filled && chance(random, 0.02) ? dayString(dayMs + int(random, 10, 60) * 86_400_000) : null;
  const junior = chance(random, 0.14);
  const domaines = chance(random, 0.65) ? [family.domaine, ...(chance(random, 0.15) ? [pick(random, Object.keys(DOMAINE_SPELLINGS).filter((d) => d !== family.domaine))] : [])] : [];
  const techno = family.techno && chance(random, 0.7) ? [...new Set(Array.from({ length: int(random, 1, 4) }, () => writer.tech()))] : [];
  const contract = chance(random, 0.3) ? pick(random, CONTRACTS) : null;
  const body = bodyFor(writer, random, startup);

  // The `startup` field: the id as a rule, sometimes written otherwise (resolves all the same).
  let startupRef: string | null = null;
  if (startup) {
    startupRef = weighted(random, [
      [88, startup.id],
      [6, capitalise(startup.id)],
      [6, startup.name],
    ] as const);
  }

  // File name: date prefix + role slug (+ startup), made unique.
  const roleSlug = slugWord(title).split('-').filter(Boolean).slice(0, 4).join('-') || 'poste';
  let base = `${date}-${roleSlug}${startup && chance(random, 0.6) ? `-${startup.id}` : ''}`;
  if (usedNames) {
    let n = 2;
    const first = base;
    while (usedNames.has(base)) base = `${first}-${n++}`;
    usedNames.add(base);
  }
  const fileName = `${base}.md`;

  // Front matter, in the mix of forms the real feed uses.
  const lines = ['---'];
  const titleKey = chance(random, 0.1) ? 'title' : 'roles';
  lines.push(`${titleKey}: ${yamlScalar(random, title)}`);
  if (startupRef !== null) lines.push(`startup: ${yamlScalar(random, startupRef)}${chance(random, 0.03) ? ' # à vérifier' : ''}`);
  lines.push(`open: ${openFlagWanted ? pick(random, ['true', 'true', 'true', '"true"', 'oui']) : pick(random, ['false', 'false', 'false', '"false"'])}`);
  if (filled) lines.push('poste_pourvu: true');
  if (applicationDeadline) lines.push(`poste_ferme: ${applicationDeadline}`);
  if (chance(random, 0.5)) lines.push(`date: ${chance(random, 0.8) ? date : `${date} 10:00:00`}`);
  if (depublicationDate) lines.push(`depublication_date: ${depublicationDate}`);
  if (domaines.length > 0) {
    const spelled = domaines.map((d) => pick(random, DOMAINE_SPELLINGS[d] ?? [d]));
    lines.push(chance(random, 0.8) ? `domaines:\n${spelled.map((d) => `  - ${d}`).join('\n')}` : `domaines: [${spelled.join(', ')}]`);
  }
  if (techno.length > 0) {
    lines.push(chance(random, 0.5) ? `techno:\n${techno.map((t) => `  - ${t}`).join('\n')}` : `techno: ${techno.join(', ')}`);
  }
  if (contract) lines.push(`contrat: ${contract}`);
  if (junior || chance(random, 0.15)) lines.push(`junior: ${junior}`);
  if (chance(random, 0.12)) lines.push(`contact: ${writer.email()}`);
  if (chance(random, 0.05)) lines.push(`externalURL: ${writer.url()}`);
  lines.push('---', '');
  const text = `${lines.join('\n')}${body}`;

  const id = base;
  const input: SearchInput = {
    key: `${sourceId} ${id}`,
    id,
    fileName,
    sourceId,
    title,
    startupRef,
    startupId: startup?.id ?? null,
    startupName: startup?.name ?? null,
    startupPitch: startup?.pitch || null,
    domaines,
    techno,
    contract,
    junior,
    date,
    openFlag: openFlagWanted && !filled,
    depublicationDate,
    applicationDeadline,
    body,
  };
  return { file: { name: fileName, text }, input, startup };
}

const startupsBySeed = new Map<number, SyntheticStartup[]>();
function defaultStartups(seed: number): SyntheticStartup[] {
  let list = startupsBySeed.get(seed);
  if (!list) startupsBySeed.set(seed, (list = syntheticStartups(200, seed)));
  return list;
}
const startupZipfs = new Map<number, Zipf>();
function startupZipf(n: number): Zipf {
  let zipf = startupZipfs.get(n);
  if (!zipf) startupZipfs.set(n, (zipf = new Zipf(n, 0.7, 5)));
  return zipf;
}

/** `count` synthetic postings (both forms), deterministic for a seed. */
export function syntheticPostings(count: number, options: SyntheticOptions = {}): SyntheticPosting[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => syntheticPosting(i, options, used));
}

/** The Markdown files only. */
export function syntheticPostingFiles(count: number, options: SyntheticOptions = {}): { name: string; text: string }[] {
  return syntheticPostings(count, options).map((p) => p.file);
}

/** The search inputs only. */
export function syntheticSearchInputs(count: number, options: SyntheticOptions = {}): SearchInput[] {
  return syntheticPostings(count, options).map((p) => p.input);
}

// =============================================================================================
// Vocabulary

/** Lower-case word forms (letters and digits; `·`, `'`, `-`, punctuation split words). */
export function wordForms(text: string): IterableIterator<RegExpMatchArray> {
  return text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu);
}

/** Distinct lower-case word forms over texts, and the token count. */
export function vocabulary(texts: Iterable<string>): { distinct: number; tokens: number } {
  const seen = new Set<string>();
  let tokens = 0;
  for (const text of texts) {
    for (const [form] of wordForms(text)) {
      seen.add(form);
      tokens++;
    }
  }
  return { distinct: seen.size, tokens };
}
