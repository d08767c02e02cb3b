/** The locale dates are written in when none is given: the browser's, or the language chosen in the options. */
let defaultLocale: string | undefined;
export function setDefaultLocale(locale: string | undefined): void {
  defaultLocale = locale;
}

/** `2024-05-02` or an ISO timestamp → a short localised day, falling back to the input. */
export function formatDay(value: string, locale = defaultLocale): string {
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** An ISO timestamp → a short localised day and time. */
export function formatTime(value: string, locale = defaultLocale): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
