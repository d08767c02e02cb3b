/** beta.gouv.fr's `domaines` categories. Light on purpose: the popup and alerts use it without the parser. */
import { foldAccents } from './text';

/** The category names beta.gouv.fr used for `domaines`, to restore their spelling (`produit` → `Produit`). */
const KNOWN_DOMAINES = ['Animation', 'Autre', 'Coaching', 'Data', 'Déploiement', 'Design', 'Développement', 'Intraprenariat', 'Produit'];
const DOMAINE_BY_KEY = new Map(KNOWN_DOMAINES.map((name) => [foldAccents(name).toLowerCase(), name]));

/** A `domaines` item with beta.gouv.fr's own spelling restored when it is one of its categories. */
export function canonicalDomaine(name: string): string {
  return DOMAINE_BY_KEY.get(foldAccents(name).toLowerCase()) ?? name;
}
