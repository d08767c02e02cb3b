import { highlightSegments } from '../../search/highlight';
import type { SearchDoc, SearchHit } from '../../search/types';
import { formatDay } from '../format';
import { t } from '../i18n';

/** A text with the query's words marked; built from text nodes only. */
export function Highlighted({ text, terms, phrases }: { text: string; terms: ReadonlySet<string>; phrases: ReadonlyArray<readonly string[]> }) {
  return (
    <>
      {highlightSegments(text, terms, phrases).map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}
    </>
  );
}

export interface ResultItemProps {
  id: string;
  doc: SearchDoc;
  hit: SearchHit;
  active: boolean;
  isNew: boolean;
  favourite: boolean;
  matchedTerms: ReadonlySet<string>;
  matchedPhrases: ReadonlyArray<readonly string[]>;
  onOpen(): void;
}

/** One result: an option of the list box, opened by click or by Enter from the search box. */
export function ResultItem({ id, doc, hit, active, isNew, favourite, matchedTerms, matchedPhrases, onOpen }: ResultItemProps) {
  const startup = doc.startupName ?? doc.startupRef;
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      data-posting-id={doc.id}
      data-new={isNew ? '' : undefined}
      data-tier={hit.tier}
      class={`popup__result ${hit.open ? 'is-open' : 'is-closed'}${active ? ' is-active' : ''}`}
      onClick={onOpen}
    >
      <span class="popup__role" lang="fr">
        <Highlighted text={doc.title} terms={matchedTerms} phrases={matchedPhrases} />
      </span>
      <span class="popup__meta">
        {startup ? (
          <span lang="fr">
            <Highlighted text={startup} terms={matchedTerms} phrases={matchedPhrases} />
          </span>
        ) : null}
        {doc.date ? <span>{formatDay(doc.date)}</span> : null}
        <span>{hit.open ? t('popupOpen') : t('popupClosed')}</span>
        {doc.junior ? <span>{t('popupJunior')}</span> : null}
        {hit.tier === 'body' ? <span class="popup__where">{t('popupInDescription')}</span> : null}
      </span>
      {isNew || favourite ? (
        <span class="popup__marks">
          {isNew ? <span class="popup__new">{t('popupNew')}</span> : null}
          {/* A name on a plain span is ignored (ARIA forbids it there): as an image, the star is read as its label. */}
          {favourite ? (
            <span class="popup__fav" role="img" aria-label={t('popupFavourite')}>
              ★
            </span>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}
