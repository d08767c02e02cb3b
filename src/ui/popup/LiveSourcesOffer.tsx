import { t } from '../i18n';

export interface LiveSourcesOfferProps {
  /** Opens the options page where the live sources are enabled (each site's permission is asked there). */
  choose(): void;
  /** "Not now": the card is not shown again. */
  dismiss(): void;
}

/**
 * The first-run offer of the live sources: the default feed stopped in 2024, so a new
 * user learns at once where today's offers are, and that nothing is read before they say so.
 */
export function LiveSourcesOffer({ choose, dismiss }: LiveSourcesOfferProps) {
  return (
    <section class="popup__live-offer" aria-labelledby="popup-live-offer-title" data-live-sources-offer>
      <h2 id="popup-live-offer-title">{t('popupLiveTitle')}</h2>
      <p>{t('popupLiveText')}</p>
      <div class="popup__actions">
        <button type="button" data-action="choose-live-sources" onClick={choose}>
          {t('popupLiveChoose')}
        </button>
        <button type="button" data-action="dismiss-live-sources" onClick={dismiss}>
          {t('popupLiveDismiss')}
        </button>
      </div>
    </section>
  );
}
