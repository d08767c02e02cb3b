/**
 * The postings model: what one beta.gouv.fr job file means once its quirks are
 * normalised. Pure data, shared by every context (background, popup, content
 * script) and by Node tests and benchmarks.
 */

/** Where the posting's date came from: Jekyll took it from the file name when front matter had none. */
export type DateSource = 'front-matter' | 'file-name';

/** Why a posting is closed, when it is. `depublished` is decided at read time by {@link isOpenAt}. */
export type ClosedReason = 'open-false' | 'filled' | 'closed-flag';

export interface Posting {
  /** File name without `.md` (upstream's own id; may contain spaces and non-ASCII letters). */
  id: string;
  /** The file name as received. */
  fileName: string;
  /** The role line (`roles`/`role`/`title`/`titles`), trimmed, whitespace folded; emoji and quotes kept. */
  title: string;
  /** The startup reference exactly as written (YAML comment and padding removed), or null when absent/empty. */
  startupRef: string | null;
  /**
   * The posting's own open flag: `open` (boolean or string) and not filled/closed
   * by `poste_pourvu`/`poste_ferme`. Time-dependent closing (`depublication_date`)
   * is applied by {@link isOpenAt}.
   */
  openFlag: boolean;
  closedReason: ClosedReason | null;
  /** Publication day, `YYYY-MM-DD`, or null when neither front matter nor file name gives one. */
  date: string | null;
  dateSource: DateSource | null;
  /** `depublication_date` as `YYYY-MM-DD`: from that day on the posting is closed. */
  depublicationDate: string | null;
  /**
   * `poste_ferme` given as a date, `YYYY-MM-DD`: the last day applications are taken;
   * closed from the next day on (applied by {@link isOpenAt}).
   */
  applicationDeadline: string | null;
  /** `domaines`/`domaine`, as a list. */
  domaines: string[];
  /** `techno`, as a list. */
  techno: string[];
  /** `contrat` (free text, e.g. "CDD", "Freelance"), or null. */
  contract: string | null;
  junior: boolean;
  /** `externalURL`/`externalUrl`: where to apply when the offer lives elsewhere (http(s) only). */
  externalUrl: string | null;
  /** E-mail addresses to apply to, from `contact`/`contacts` then from the body, lower-cased, de-duplicated. */
  applyEmails: string[];
  /** The Markdown before `<!--more-->` (or the first paragraph when there is no marker), trimmed. */
  excerpt: string;
  /** The whole Markdown body (front matter removed). Untrusted: render only through `src/ui/markdown`. */
  body: string;
  /** Non-fatal oddities met while parsing (lenient recoveries), for diagnostics. */
  warnings: ParseWarning[];
  /** Where the offer is based, as the source wrote it ("Paris (75)"); live sources only (feed files have no such field). */
  location?: string | null;
  /**
   * The offer's own page on the site it was read from (live sources: Welcome to the Jungle,
   * choisirleservicepublic.gouv.fr), http(s) only: the "original" the popup links to.
   */
  pageUrl?: string | null;
}

export interface ParseWarning {
  code:
    | 'duplicate-key'
    /** A delimiter slip repaired: blank lines before `---`, `----`, an indented `---`, a missing opening `---`. */
    | 'front-matter-repaired'
    | 'no-date'
    | 'unknown-open-value'
    | 'bad-date'
    | 'bad-url'
    | 'bad-field-type'
    /** A live source's offer page could not be read: the posting holds what the listing showed. */
    | 'listing-only';
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export type ParseErrorCode =
  | 'empty-file'
  | 'no-front-matter'
  | 'unclosed-front-matter'
  | 'invalid-yaml'
  | 'front-matter-not-a-map'
  | 'no-title'
  /** An item of a JSON listing (jobs.json) that is not a posting: not an object, or no id nor URL. */
  | 'invalid-item'
  /** A bug in the parser itself, caught so that one file never stops a run. */
  | 'internal-error';

export interface ParseError {
  code: ParseErrorCode;
  fileName: string;
  /** One sentence a person can act on, naming the file (and line when known). */
  message: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export type ParseResult =
  | {
      ok: true;
      posting: Posting;
      recovered: boolean;
      /** Read from the listing only (the offer's page did not answer or read): the next sync tries the offer page again. */
      retry?: true;
    }
  | { ok: false; error: ParseError };
