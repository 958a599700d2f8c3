// todayIn keeps its last answer per zone for the rest of that UTC second: calls in a row must still give each
// zone's own date, on both sides of each zone's midnight (including zones offset by 45 minutes).
import { todayIn } from '../../src/recert/dates';

test.each([
  // [instant, zone, date], run in this order so each reuses or replaces the previous answer
  ['2025-03-09T18:14:59.000Z', 'Asia/Kathmandu', '2025-03-09'],
  ['2025-03-09T18:14:59.999Z', 'Asia/Kathmandu', '2025-03-09'],
  ['2025-03-09T18:15:00.000Z', 'Asia/Kathmandu', '2025-03-10'],
  ['2025-03-09T18:15:00.000Z', 'UTC', '2025-03-09'],
  ['2025-03-09T18:15:00.500Z', 'America/New_York', '2025-03-09'],
  ['2025-03-09T18:15:00.900Z', 'Asia/Kathmandu', '2025-03-10'],
  ['2025-03-09T23:59:59.999Z', 'UTC', '2025-03-09'],
  ['2025-03-10T00:00:00.000Z', 'UTC', '2025-03-10'],
  ['2025-03-10T00:00:00.000Z', 'America/New_York', '2025-03-09'],
  ['2025-03-10T00:00:00.000Z', 'Pacific/Kiritimati', '2025-03-10'],
])('todayIn at %s in %s is %s', (instant, zone, date) => {
  expect(todayIn(zone, new Date(instant))).toBe(date);
});
