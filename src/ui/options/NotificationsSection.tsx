import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLanguage } from '../i18n';
import { isTimeOfDay, MAX_CLOSING_SOON_DAYS, MAX_PER_BATCH_LIMIT, type DigestEvery, type NotificationSettings } from '../../settings/settings';
import type { Alert, AlertFilters } from '../../notify/alerts';

export interface FilterChoices {
  domaines: string[];
  startups: Array<{ value: string; label: string }>;
}

/** What the notifications section reads and does outside itself. */
export interface NotificationsSources {
  readNotifications(): Promise<NotificationSettings>;
  /** Calls back with the stored value whenever it changes (this page, another tab, an import); returns the unsubscribe. */
  watchNotifications(listener: (settings: NotificationSettings) => void): () => void;
  /** Read-change-write of the notification settings only, so other sections' fields are never overwritten. */
  updateNotifications(change: (settings: NotificationSettings) => NotificationSettings): Promise<void>;
  readAlerts(): Promise<Alert[]>;
  watchAlerts(listener: (alerts: Alert[]) => void): () => void;
  updateAlerts(change: (alerts: Alert[]) => Alert[]): Promise<void>;
  /** The domaines and startups the stored offers carry, for the alert filters' menus. */
  filterChoices(): Promise<FilterChoices>;
}

const ID = 'options-notifications';

/** The weekday names in the interface's language (the browser's own calendar data), Sunday first. */
function weekdayNames(): string[] {
  const format = new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2023, 0, 1 + day))));
}

/** A whole number typed in a field, clamped to the range, or null when it is not one. */
function integerFrom(value: string, min: number, max: number): number | null {
  const number = Number(value);
  return value.trim() !== '' && Number.isInteger(number) ? Math.min(max, Math.max(min, number)) : null;
}

/** An alert in words: its search and its filters. */
export function describeAlert(alert: Alert, choices: FilterChoices): string {
  const parts = [alert.query.trim() ? t('optionsNotifyAlertWords', alert.query.trim()) : t('optionsNotifyAlertAll')];
  if (alert.filters.domaine) parts.push(t('optionsNotifyAlertDomaine', alert.filters.domaine));
  if (alert.filters.startup) {
    const label = choices.startups.find((s) => s.value === alert.filters.startup)?.label ?? alert.filters.startup;
    parts.push(t('optionsNotifyAlertStartup', label));
  }
  if (alert.filters.junior) parts.push(t('optionsNotifyAlertJunior'));
  return parts.join(' · ');
}

function AlertEditor({ alert, choices, onSave, onCancel }: { alert: Alert; choices: FilterChoices; onSave: (alert: Alert) => void; onCancel: () => void }) {
  const [query, setQuery] = useState(alert.query);
  const [filters, setFilters] = useState<AlertFilters>(alert.filters);
  const queryInput = useRef<HTMLInputElement>(null);
  useEffect(() => queryInput.current?.focus(), []);
  const id = `${ID}-alert-${alert.id}`;
  // A filter the stored offers no longer carry stays choosable, so editing the words does not drop it.
  const domaines = filters.domaine && !choices.domaines.includes(filters.domaine) ? [filters.domaine, ...choices.domaines] : choices.domaines;
  const startups =
    filters.startup && !choices.startups.some((s) => s.value === filters.startup) ? [{ value: filters.startup, label: filters.startup }, ...choices.startups] : choices.startups;
  const submit = (event: Event) => {
    event.preventDefault();
    const next: AlertFilters = {};
    if (filters.domaine) next.domaine = filters.domaine;
    if (filters.startup) next.startup = filters.startup;
    if (filters.junior) next.junior = true;
    onSave({ ...alert, query: query.trim(), filters: next });
  };
  return (
    <form class="options__row" onSubmit={submit} data-alert-editor={alert.id}>
      <label>
        {t('optionsNotifyAlertQuery')}
        <input id={`${id}-query`} type="text" ref={queryInput} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <label>
        {t('optionsNotifyAlertDomaineLabel')}
        <select value={filters.domaine ?? ''} onChange={(e) => setFilters({ ...filters, domaine: e.currentTarget.value || undefined })}>
          <option value="">{t('optionsNotifyAlertAnyDomaine')}</option>
          {domaines.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('optionsNotifyAlertStartupLabel')}
        <select value={filters.startup ?? ''} onChange={(e) => setFilters({ ...filters, startup: e.currentTarget.value || undefined })}>
          <option value="">{t('optionsNotifyAlertAnyStartup')}</option>
          {startups.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={filters.junior === true} onChange={(e) => setFilters({ ...filters, junior: e.currentTarget.checked || undefined })} />
        {t('optionsNotifyAlertJuniorLabel')}
      </label>
      <button type="submit">{t('optionsNotifyAlertSave')}</button>
      <button type="button" onClick={onCancel}>
        {t('optionsNotifyAlertCancel')}
      </button>
    </form>
  );
}

export function NotificationsSection({ sources }: { sources: NotificationsSources }) {
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [choices, setChoices] = useState<FilterChoices>({ domaines: [], startups: [] });
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Where the keyboard focus goes once the control that had it is gone (an editor closed, an alert deleted).
  const section = useRef<HTMLElement>(null);
  const [refocus, setRefocus] = useState<string | null>(null);
  useEffect(() => {
    if (refocus === null) return;
    section.current?.querySelector<HTMLElement>(refocus)?.focus();
    setRefocus(null);
  }, [refocus]);

  useEffect(() => {
    const loadFailed = (e: unknown) => setError(t('optionsLoadError', e instanceof Error ? e.message : String(e)));
    void sources.readNotifications().then(setSettings, loadFailed);
    void sources.readAlerts().then(setAlerts, loadFailed);
    void sources.filterChoices().then(setChoices, () => undefined);
    const stopSettings = sources.watchNotifications(setSettings);
    const stopAlerts = sources.watchAlerts(setAlerts);
    return () => {
      stopSettings();
      stopAlerts();
    };
  }, [sources]);

  const fail = (e: unknown) => setError(t('optionsNotifySaveError', e instanceof Error ? e.message : String(e)));
  const change = (update: (s: NotificationSettings) => NotificationSettings) => {
    setError(null);
    // Shown at once; the stored value comes back through the watcher.
    setSettings((current) => (current ? update(current) : current));
    sources.updateNotifications(update).catch(fail);
  };
  const changeAlerts = (update: (a: Alert[]) => Alert[]) => {
    setError(null);
    setAlerts(update);
    sources.updateAlerts(update).catch(fail);
  };

  const title = (
    <h2 id={ID} tabIndex={-1}>
      {t('optionsNotificationsTitle')}
    </h2>
  );
  if (!settings) {
    return (
      <section class="options__section" aria-labelledby={ID} data-section="notifications" aria-busy={error ? undefined : 'true'}>
        {title}
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
      </section>
    );
  }
  const off = !settings.enabled;
  const days = weekdayNames();
  const setTime = (value: string, apply: (s: NotificationSettings, time: string) => NotificationSettings) => {
    if (isTimeOfDay(value)) change((s) => apply(s, value));
  };

  return (
    <section class="options__section" aria-labelledby={ID} data-section="notifications" ref={section}>
      {title}
      <div class="options__row">
        <label>
          <input type="checkbox" checked={settings.enabled} onChange={(e) => change((s) => ({ ...s, enabled: e.currentTarget.checked }))} data-setting="enabled" />
          {t('optionsNotifyEnabled')}
        </label>
      </div>
      <p class="options__hint">{t('optionsNotifyBadgeHint')}</p>

      <fieldset disabled={off}>
        <legend>{t('optionsNotifyWhen')}</legend>
        <div class="options__row">
          <label>
            <input type="radio" name={`${ID}-mode`} value="immediate" checked={settings.mode === 'immediate'} onChange={() => change((s) => ({ ...s, mode: 'immediate' }))} data-setting="mode-immediate" />
            {t('optionsNotifyImmediate')}
          </label>
          <label>
            <input type="radio" name={`${ID}-mode`} value="digest" checked={settings.mode === 'digest'} onChange={() => change((s) => ({ ...s, mode: 'digest' }))} data-setting="mode-digest" />
            {t('optionsNotifyDigest')}
          </label>
        </div>
        {settings.mode === 'digest' && (
          <div class="options__row">
            <label for={`${ID}-every`}>{t('optionsNotifyDigestEvery')}</label>
            <select
              id={`${ID}-every`}
              value={settings.digest.every}
              onChange={(e) => {
                const every = e.currentTarget.value as DigestEvery;
                change((s) => ({ ...s, digest: { ...s.digest, every } }));
              }}
              data-setting="digest-every"
            >
              <option value="hourly">{t('optionsNotifyHourly')}</option>
              <option value="daily">{t('optionsNotifyDaily')}</option>
              <option value="weekly">{t('optionsNotifyWeekly')}</option>
            </select>
            {settings.digest.every === 'weekly' && (
              <>
                <label for={`${ID}-weekday`}>{t('optionsNotifyDigestDay')}</label>
                <select
                  id={`${ID}-weekday`}
                  value={String(settings.digest.weekday)}
                  onChange={(e) => {
                    const weekday = Number(e.currentTarget.value);
                    change((s) => ({ ...s, digest: { ...s.digest, weekday } }));
                  }}
                  data-setting="digest-weekday"
                >
                  {/* Monday first, as a French week reads. */}
                  {[1, 2, 3, 4, 5, 6, 0].map((day) => (
                    <option key={day} value={String(day)}>
                      {days[day]}
                    </option>
                  ))}
                </select>
              </>
            )}
            {settings.digest.every === 'hourly' ? (
              <>
                <label for={`${ID}-minute`}>{t('optionsNotifyDigestMinute')}</label>
                <input
                  id={`${ID}-minute`}
                  type="number"
                  min={0}
                  max={59}
                  value={Number(settings.digest.time.slice(3, 5))}
                  onChange={(e) => {
                    const minute = integerFrom(e.currentTarget.value, 0, 59);
                    if (minute !== null) change((s) => ({ ...s, digest: { ...s.digest, time: `${s.digest.time.slice(0, 2)}:${String(minute).padStart(2, '0')}` } }));
                  }}
                  data-setting="digest-minute"
                />
              </>
            ) : (
              <>
                <label for={`${ID}-time`}>{t('optionsNotifyDigestTime')}</label>
                <input
                  id={`${ID}-time`}
                  type="time"
                  value={settings.digest.time}
                  onChange={(e) => setTime(e.currentTarget.value, (s, time) => ({ ...s, digest: { ...s.digest, time } }))}
                  data-setting="digest-time"
                />
              </>
            )}
          </div>
        )}

        <div class="options__row">
          <label>
            <input
              type="checkbox"
              checked={settings.quietHours.enabled}
              onChange={(e) => {
                const enabled = e.currentTarget.checked;
                change((s) => ({ ...s, quietHours: { ...s.quietHours, enabled } }));
              }}
              data-setting="quiet"
            />
            {t('optionsNotifyQuiet')}
          </label>
          <label for={`${ID}-quiet-start`}>{t('optionsNotifyQuietFrom')}</label>
          <input
            id={`${ID}-quiet-start`}
            type="time"
            value={settings.quietHours.start}
            disabled={!settings.quietHours.enabled}
            onChange={(e) => setTime(e.currentTarget.value, (s, start) => ({ ...s, quietHours: { ...s.quietHours, start } }))}
            data-setting="quiet-start"
          />
          <label for={`${ID}-quiet-end`}>{t('optionsNotifyQuietTo')}</label>
          <input
            id={`${ID}-quiet-end`}
            type="time"
            value={settings.quietHours.end}
            disabled={!settings.quietHours.enabled}
            onChange={(e) => setTime(e.currentTarget.value, (s, end) => ({ ...s, quietHours: { ...s.quietHours, end } }))}
            data-setting="quiet-end"
          />
        </div>
        <p class="options__hint">{t('optionsNotifyQuietHint')}</p>
      </fieldset>

      <div class="options__row">
        <label for={`${ID}-max`}>{t('optionsNotifyMax')}</label>
        <input
          id={`${ID}-max`}
          type="number"
          min={1}
          max={MAX_PER_BATCH_LIMIT}
          value={settings.maxPerBatch}
          disabled={off}
          onChange={(e) => {
            const maxPerBatch = integerFrom(e.currentTarget.value, 1, MAX_PER_BATCH_LIMIT);
            if (maxPerBatch !== null) change((s) => ({ ...s, maxPerBatch }));
          }}
          data-setting="max-per-batch"
        />
      </div>
      <p class="options__hint">{t('optionsNotifyMaxHint')}</p>

      <div class="options__row">
        <label>
          <input
            type="checkbox"
            checked={settings.closingSoon.enabled}
            disabled={off}
            onChange={(e) => {
              const enabled = e.currentTarget.checked;
              change((s) => ({ ...s, closingSoon: { ...s.closingSoon, enabled } }));
            }}
            data-setting="closing"
          />
          {t('optionsNotifyClosing')}
        </label>
        <label for={`${ID}-closing-days`}>{t('optionsNotifyClosingDays')}</label>
        <input
          id={`${ID}-closing-days`}
          type="number"
          min={1}
          max={MAX_CLOSING_SOON_DAYS}
          value={settings.closingSoon.daysBefore}
          disabled={off || !settings.closingSoon.enabled}
          onChange={(e) => {
            const daysBefore = integerFrom(e.currentTarget.value, 1, MAX_CLOSING_SOON_DAYS);
            if (daysBefore !== null) change((s) => ({ ...s, closingSoon: { ...s.closingSoon, daysBefore } }));
          }}
          data-setting="closing-days"
        />
      </div>

      <h3 id={`${ID}-alerts`} tabIndex={-1}>
        {t('optionsNotifyAlertsTitle')}
      </h3>
      <p class="options__hint">{t('optionsNotifyAlertsHint')}</p>
      {alerts.length === 0 ? (
        <p data-alerts-empty>{t('optionsNotifyAlertsNone')}</p>
      ) : (
        <ul class="options__list" aria-labelledby={`${ID}-alerts`}>
          {alerts.map((alert) => {
            const words = describeAlert(alert, choices);
            return (
              <li key={alert.id} data-alert-id={alert.id}>
                {editing === alert.id ? (
                  <AlertEditor
                    alert={alert}
                    choices={choices}
                    onCancel={() => {
                      setEditing(null);
                      setRefocus(`[data-alert-id="${CSS.escape(alert.id)}"] [data-action="edit-alert"]`);
                    }}
                    onSave={(edited) => {
                      setEditing(null);
                      setRefocus(`[data-alert-id="${CSS.escape(alert.id)}"] [data-action="edit-alert"]`);
                      changeAlerts((all) => all.map((a) => (a.id === edited.id ? edited : a)));
                    }}
                  />
                ) : (
                  <>
                    <span>{words}</span>
                    <button type="button" aria-label={t('optionsNotifyAlertEditLabel', words)} onClick={() => setEditing(alert.id)} data-action="edit-alert">
                      {t('optionsNotifyAlertEdit')}
                    </button>
                    <button
                      type="button"
                      aria-label={t('optionsNotifyAlertDeleteLabel', words)}
                      onClick={() => {
                        changeAlerts((all) => all.filter((a) => a.id !== alert.id));
                        setRefocus(`#${ID}-alerts`);
                      }}
                      data-action="delete-alert"
                    >
                      {t('optionsNotifyAlertDelete')}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
