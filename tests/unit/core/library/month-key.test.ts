// monthKey's shortcut (library/time.ts): away from a month's edges the UTC month is the wall-clock month in
// every zone; checked against the zone's own calendar (Intl) across decades, in the zones furthest from UTC.
import { expect, test } from 'vitest';
import { monthKey, wallTime } from '../../../../electron/core/library/time.ts';

test('monthKey equals the wall-clock month of Intl in every zone, edges of months included', () => {
  const zones = ['Europe/Stockholm', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Etc/GMT+12', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'];
  const wrong: string[] = [];
  for (const zone of zones) {
    // A step of 7 h 20 min 34 s walks every hour of the day and every day of the month over the years.
    for (let t = Date.UTC(1998, 0, 1); t < Date.UTC(2032, 0, 1); t += 26_434_000) {
      const { year, month } = wallTime(t, zone);
      if (monthKey(t, zone) !== year * 100 + month) wrong.push(`${zone} ${new Date(t).toISOString()}`);
    }
  }
  expect(wrong).toEqual([]);
});
