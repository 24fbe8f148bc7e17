const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "14:05" today, "3 okt." this year, "3 okt. 2019" before: how a list of posts reads at a glance. */
export function formatModified(ms: number, now: Date = new Date(), locale = 'sv-SE'): string {
  const date = new Date(ms);
  if (sameDay(date, now)) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const options: Intl.DateTimeFormatOptions =
    date.getFullYear() === now.getFullYear() ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return date.toLocaleDateString(locale, options);
}
