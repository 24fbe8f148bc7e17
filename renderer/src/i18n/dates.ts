const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/**
 * How a list of posts reads at a glance: "14:05" today, "3 okt." this year, "3 okt. 2019" before.
 * `longDate` is the blog's own header style: "fredag 27 september 2013".
 */
export function formatModified(ms: number, locale: string, now: Date = new Date()): string {
  const date = new Date(ms);
  if (sameDay(date, now)) return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const options: Intl.DateTimeFormatOptions =
    date.getFullYear() === now.getFullYear() ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return date.toLocaleDateString(locale, options);
}

export function longDate(ms: number, locale: string): string {
  return new Date(ms).toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}
