import type { ComponentChildren } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import type { Startup } from '../../postings/startups';
import type { SearchLink } from '../../search/types';
import type { StoredPosting } from '../../store/db';
import { formatDay } from '../format';
import { t } from '../i18n';
import { renderMarkdown, safeUrl, safeWebUrl } from '../markdown';
import './offer.css';

export interface OfferViewProps {
  posting: StoredPosting;
  /** The resolved startup, or null: then the posting's own `startupRef` is shown as written. */
  startup: Startup | null;
  /** Decided by the caller (`isOpenAt` with its own clock). */
  open: boolean;
  favourite: boolean;
  seen: boolean;
  /**
   * Where the offer can be read, one per source that publishes it, primary first
   * (`offerLinks`); links that are not http(s) are left out, and the line with them.
   */
  links: readonly SearchLink[];
  onBack(): void;
  onToggleFavourite(): void;
  onMarkSeen(): void;
}

/**
 * The shape of address the feed's parser extracts. Anything else (a `?` adding headers,
 * quotes, a second `@`) is not linked: a `mailto:` URL keeps such characters as they are.
 */
const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function mailtoFor(address: string): string | null {
  return PLAIN_ADDRESS.test(address) ? safeUrl(`mailto:${address}`) : null;
}

function Day({ value }: { value: string }) {
  return <time dateTime={value}>{formatDay(value)}</time>;
}

function Fact({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="offer__fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Tags({ items }: { items: readonly string[] }) {
  return (
    <ul class="offer__tags">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** The site a link reads the offer on, named from its source's kind, or else the link's host. */
export function siteNameOf(link: SearchLink): string {
  if (link.sourceId.startsWith('github:')) return t('popupSiteGitHub');
  if (link.sourceId.startsWith('wttj:')) return t('popupSiteWttj');
  if (link.sourceId.startsWith('csp:')) return t('popupSiteCsp');
  try {
    return new URL(link.url).hostname;
  } catch {
    return link.url;
  }
}

/** "Read on: GitHub · Welcome to the Jungle · Choisir le service public". */
function ReadOn({ links }: { links: readonly SearchLink[] }) {
  const safe = links.flatMap((link) => {
    const href = safeWebUrl(link.url);
    return href === null ? [] : [{ href, name: siteNameOf(link), sourceId: link.sourceId }];
  });
  if (safe.length === 0) return null;
  return (
    <p class="offer__links" data-offer-links>
      {t('popupReadOn')}{' '}
      {safe.map(({ href, name, sourceId }, i) => (
        <span key={href}>
          {i > 0 ? ' · ' : null}
          <a href={href} target="_blank" rel="noopener noreferrer" data-action="original" data-source={sourceId}>
            {name}
          </a>
        </span>
      ))}
    </p>
  );
}

function StartupFact({ startup, startupRef }: { startup: Startup | null; startupRef: string | null }) {
  if (startup === null) return startupRef === null ? null : <Fact label={t('offerStartup')}>{startupRef}</Fact>;
  const site = safeWebUrl(startup.link);
  return (
    <Fact label={t('offerStartup')}>
      <span class="offer__startup-name">
        {site === null ? (
          startup.name
        ) : (
          <a href={site} target="_blank" rel="noopener noreferrer">
            {startup.name}
          </a>
        )}
      </span>
      {startup.incubatorId === null ? null : <span class="offer__incubator"> · {t('offerIncubator', [startup.incubatorId])}</span>}
      {startup.pitch === '' ? null : <span class="offer__pitch">{startup.pitch}</span>}
    </Fact>
  );
}

/**
 * One offer, full page in the popup. Everything from the posting is untrusted text: it
 * reaches the DOM as text nodes, its body through the Markdown renderer, its addresses
 * through `safeUrl`. Keyboard: Escape is the parent's business; the back button is the
 * visible way out.
 */
export function OfferView({ posting, startup, open, favourite, seen, links, onBack, onToggleFavourite, onMarkSeen }: OfferViewProps) {
  const titleId = `offer-title-${useId()}`;
  const body = useMemo(
    () =>
      posting.body.trim() === ''
        ? null
        : renderMarkdown(posting.body, { topHeading: 3, imageLabel: (alt) => (alt === '' ? t('offerImageNoAlt') : t('offerImage', [alt])) }),
    [posting.body],
  );
  const external = safeWebUrl(posting.externalUrl);
  const mailtos = posting.applyEmails.flatMap((address) => {
    const href = mailtoFor(address);
    return href === null ? [] : [{ address, href }];
  });
  // A closed offer takes no application: its contact links would only mislead.
  const applications = open ? { mailtos, external } : { mailtos: [], external: null };

  return (
    <article class="offer" aria-labelledby={titleId} data-offer-view={posting.id}>
      <div class="offer__nav">
        <button type="button" class="offer__back" data-action="back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('offerBack')}
        </button>
      </div>
      <header class="offer__header">
        {/* Postings are written in French whatever the interface language. tabIndex lets the parent move focus here. */}
        <h2 id={titleId} class="offer__title" lang="fr" tabIndex={-1}>
          {posting.title}
        </h2>
        <p class="offer__badges">
          <span class={`offer__status ${open ? 'is-open' : 'is-closed'}`} data-open={String(open)}>
            {open ? t('offerOpen') : t('offerClosed')}
          </span>
          {posting.junior ? <span class="offer__junior">{t('offerJunior')}</span> : null}
        </p>
      </header>
      <dl class="offer__facts">
        <StartupFact startup={startup} startupRef={posting.startupRef} />
        {posting.date === null ? null : (
          <Fact label={t('offerPublished')}>
            <Day value={posting.date} />
          </Fact>
        )}
        {posting.applicationDeadline === null ? null : (
          <Fact label={t('offerDeadline')}>
            <Day value={posting.applicationDeadline} />
          </Fact>
        )}
        {posting.depublicationDate === null ? null : (
          <Fact label={t('offerDepublication')}>
            <Day value={posting.depublicationDate} />
          </Fact>
        )}
        {posting.contract === null ? null : <Fact label={t('offerContract')}>{posting.contract}</Fact>}
        {posting.domaines.length === 0 ? null : (
          <Fact label={t('offerDomaines')}>
            <Tags items={posting.domaines} />
          </Fact>
        )}
        {posting.techno.length === 0 ? null : (
          <Fact label={t('offerTechno')}>
            <Tags items={posting.techno} />
          </Fact>
        )}
      </dl>
      <div class="offer__actions">
        {applications.mailtos.map(({ address, href }) => (
          <a key={address} class="offer__action offer__action--main" href={href} target="_blank" rel="noopener noreferrer" data-action="apply">
            {t('offerApplyByEmail', [address])}
          </a>
        ))}
        {applications.external === null ? null : (
          <a class="offer__action offer__action--main" href={applications.external} target="_blank" rel="noopener noreferrer" data-action="apply">
            {t('offerApplyExternal', [new URL(applications.external).hostname])}
          </a>
        )}
        <button type="button" class="offer__action" aria-pressed={favourite} data-action="favourite" onClick={onToggleFavourite}>
          <span aria-hidden="true">{favourite ? '★ ' : '☆ '}</span>
          {t('offerFavourite')}
        </button>
        <button type="button" class="offer__action" data-action="seen" disabled={seen} onClick={onMarkSeen}>
          {seen ? t('offerSeen') : t('offerMarkSeen')}
        </button>
      </div>
      <ReadOn links={links} />
      {body === null ? (
        <p class="offer__empty">{t('offerNoBody')}</p>
      ) : (
        <div class="offer__body" lang="fr">
          {body}
        </div>
      )}
    </article>
  );
}
