/**
 * Calendar arithmetic in a time zone, with nothing but Intl. The archive files a post under the month of its
 * date *on the blog's wall clock* (as WordPress' own archive does): a post published 00:30 on 1 October in
 * Stockholm belongs to October even though it is still September in UTC.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallTime(epochMs: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The archive month key: year * 100 + month (201009 for September 2010), in the given zone. */
export function monthKey(epochMs: number, timeZone: string): number {
  // No zone is more than 14 hours from UTC, so from the 2nd to the 27th (UTC) the wall clock is in the UTC
  // month whatever the zone: only near a month's edge is Intl asked (the costly part of writing a first pull).
  const utc = new Date(epochMs);
  const day = utc.getUTCDate();
  if (day >= 2 && day <= 27) return utc.getUTCFullYear() * 100 + utc.getUTCMonth() + 1;
  const { year, month } = wallTime(epochMs, timeZone);
  return year * 100 + month;
}

/**
 * A wall-clock time in a zone → epoch ms. Guesses with the zone's offset at the UTC reading, then corrects once
 * (enough for every real zone; in a DST gap the result lands an hour later, as clocks do).
 */
export function zonedToEpoch(time: WallTime, timeZone: string): number {
  const asUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = wallTime(guess, timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second);
    guess += asUtc - seenUtc;
  }
  return guess;
}
