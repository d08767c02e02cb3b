import { useId } from 'preact/hooks';
import type { SearchFilters } from '../../search/types';
import { t } from '../i18n';

export interface FiltersProps {
  filters: SearchFilters;
  choices: { domaines: string[]; startups: Array<{ value: string; label: string }> };
  onChange(filters: SearchFilters): void;
}

/** The list's filters; every control is a native one, labelled, reachable with Tab. */
export function Filters({ filters, choices, onChange }: FiltersProps) {
  const id = useId();
  const set = (patch: Partial<SearchFilters>) => onChange({ ...filters, ...patch });
  return (
    <fieldset class="popup__filters">
      <legend class="visually-hidden">{t('filtersLegend')}</legend>
      <label>
        <input type="checkbox" checked={!filters.openOnly} onChange={(e) => set({ openOnly: !(e.currentTarget as HTMLInputElement).checked })} data-filter="closed" />
        {t('filtersIncludeClosed')}
      </label>
      <label>
        <input type="checkbox" checked={filters.juniorOnly} onChange={(e) => set({ juniorOnly: (e.currentTarget as HTMLInputElement).checked })} data-filter="junior" />
        {t('filtersJunior')}
      </label>
      <label for={`${id}-domaine`} class="visually-hidden">
        {t('filtersDomaine')}
      </label>
      <select id={`${id}-domaine`} value={filters.domaine ?? ''} onChange={(e) => set({ domaine: (e.currentTarget as HTMLSelectElement).value || null })} data-filter="domaine">
        <option value="">{t('filtersAnyDomaine')}</option>
        {choices.domaines.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <label for={`${id}-startup`} class="visually-hidden">
        {t('filtersStartup')}
      </label>
      <select id={`${id}-startup`} value={filters.startup ?? ''} onChange={(e) => set({ startup: (e.currentTarget as HTMLSelectElement).value || null })} data-filter="startup">
        <option value="">{t('filtersAnyStartup')}</option>
        {choices.startups.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <label for={`${id}-date`} class="visually-hidden">
        {t('filtersDate')}
      </label>
      <select
        id={`${id}-date`}
        value={filters.withinDays === null ? '' : String(filters.withinDays)}
        onChange={(e) => {
          const value = (e.currentTarget as HTMLSelectElement).value;
          set({ withinDays: value === '7' ? 7 : value === '30' ? 30 : null });
        }}
        data-filter="date"
      >
        <option value="">{t('filtersAnyDate')}</option>
        <option value="7">{t('filtersLast7')}</option>
        <option value="30">{t('filtersLast30')}</option>
      </select>
    </fieldset>
  );
}
