import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `../shared` beside the project root: the real corpus, read at run time and never copied. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const CORPUS_DIR = `${SHARED_DIR}corpus/beta.gouv.fr/`;

if (!existsSync(CORPUS_DIR)) {
  throw new Error(`The real corpus is expected at ${CORPUS_DIR} (../shared beside the project root).`);
}
