import { assessmentSchema } from '../../src/recert/assessment';
import { addDays, addYears, daysBetween, formatLongDate, todayIn } from '../../src/recert/dates';
import { assess, cecsNeeded, certifiedOnFor, expiresOnFor, pathsFor, statusOn } from '../../src/recert/rules';

describe('expiresOnFor / certifiedOnFor', () => {
  test.each([
    ['2025-03-03', '2027-03-03'],
    ['2024-02-29', '2026-02-28'], // 29 February → 28 February
    ['2023-02-28', '2025-02-28'],
    ['2024-12-31', '2026-12-31'],
    ['2025-01-01', '2027-01-01'],
  ])('certified %s expires %s', (certifiedOn, expiresOn) => {
    expect(expiresOnFor(certifiedOn)).toBe(expiresOn);
  });

  test.each([
    ['2027-06-03', '2025-06-03'],
    ['2028-02-29', '2026-02-28'],
    ['2026-02-28', '2024-02-28'],
  ])('expiring %s means certified %s', (expiresOn, certifiedOn) => {
    expect(certifiedOnFor(expiresOn)).toBe(certifiedOn);
  });

  test('rejects a non-date', () => {
    expect(() => expiresOnFor('2025-02-30')).toThrow(RangeError);
  });
});

describe('cecsNeeded', () => {
  test.each([
    [0, 2],
    [0.5, 1.5],
    [1.5, 0.5],
    [1.7, 0.3],
    [1.75, 0.25], // quarter credits stay exact
    [0.75, 1.25],
    [0.25, 1.75],
    [1.95, 0.05],
    [0.1, 1.9], // no floating-point tail (1.9000000000000001)
    [1.33, 0.67],
    [2, 0],
    [3.5, 0],
    [1.9, 0.1],
  ])('%s earned → %s needed', (earned, needed) => {
    expect(cecsNeeded(earned)).toBe(needed);
  });
});

describe('statusOn', () => {
  test.each([
    ['2027-06-03', '2026-05-15', 'active'],
    ['2026-08-14', '2026-05-15', 'active'], // 91 days
    ['2026-08-13', '2026-05-15', 'due-soon'], // 90 days
    ['2026-08-14', '2026-05-14', 'active'], // 92 days
    ['2026-05-15', '2026-05-15', 'due-soon'], // last day still valid
    ['2026-05-14', '2026-05-15', 'expired'],
    ['2020-01-01', '2026-05-15', 'expired'],
  ])('expiring %s on %s is %s', (expiresOn, today, status) => {
    expect(statusOn(expiresOn, today)).toBe(status);
  });
  test('boundary is exactly 90 days', () => {
    const today = '2026-05-15';
    expect(statusOn(addDays(today, 90), today)).toBe('due-soon');
    expect(statusOn(addDays(today, 91), today)).toBe('active');
  });
});

describe('pathsFor', () => {
  test.each([
    ['online-exam', 'active', ['exam', 'cec']],
    ['online-exam', 'due-soon', ['exam', 'cec']],
    ['online-exam', 'expired', []],
    ['testing-center-exam', 'active', ['cec']],
    ['testing-center-exam', 'due-soon', ['cec']],
    ['testing-center-exam', 'expired', []],
  ] as const)('%s + %s → %j', (earnedVia, status, paths) => {
    expect(pathsFor(earnedVia, status)).toEqual(paths);
  });
});

describe('assess', () => {
  const today = '2026-05-15';
  test.each([
    [{ certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 1.5 }, { expiresOn: '2027-03-03', status: 'active', cecsNeeded: 0.5, paths: ['exam', 'cec'] }],
    [{ certifiedOn: '2024-06-20', earnedVia: 'online-exam', cecsEarned: 0 }, { expiresOn: '2026-06-20', status: 'due-soon', cecsNeeded: 2, paths: ['exam', 'cec'] }],
    [{ certifiedOn: '2024-06-20', earnedVia: 'testing-center-exam', cecsEarned: 2 }, { expiresOn: '2026-06-20', status: 'due-soon', cecsNeeded: 0, paths: ['cec'] }],
    [{ certifiedOn: '2025-01-10', earnedVia: 'testing-center-exam', cecsEarned: 0.5 }, { expiresOn: '2027-01-10', status: 'active', cecsNeeded: 1.5, paths: ['cec'] }],
    [{ certifiedOn: '2024-02-29', earnedVia: 'online-exam', cecsEarned: 1 }, { expiresOn: '2026-02-28', status: 'expired', cecsNeeded: 1, paths: [] }],
    [{ certifiedOn: '2023-05-01', earnedVia: 'testing-center-exam', cecsEarned: 4 }, { expiresOn: '2025-05-01', status: 'expired', cecsNeeded: 0, paths: [] }],
  ] as const)('%j', (input, expected) => {
    const result = assess({ ...input, today });
    expect(result).toEqual({ ...input, ...expected, cecsRequired: 2 });
    expect(assessmentSchema.parse(result)).toEqual(result);
  });

  test('schema refuses a malformed assessment', () => {
    const bad = { ...assess({ certifiedOn: '2025-03-03', earnedVia: 'online-exam', cecsEarned: 1, today }), cecsRequired: 3 };
    expect(assessmentSchema.safeParse(bad).success).toBe(false);
    expect(assessmentSchema.safeParse({ ...bad, cecsRequired: 2, expiresOn: '03/03/2027' }).success).toBe(false);
  });
});

describe('dates', () => {
  test.each([
    ['2027-06-03', 'June 3, 2027'],
    ['2025-12-31', 'December 31, 2025'],
    ['2024-02-29', 'February 29, 2024'],
  ])('formatLongDate(%s) = %s', (iso, text) => expect(formatLongDate(iso)).toBe(text));

  test.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-03-31', -1, '2024-03-31'],
  ])('addYears(%s, %s) = %s', (iso, n, out) => expect(addYears(iso, n)).toBe(out));

  test('daysBetween crosses a DST change without drift', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-11-30', '2026-10-31')).toBe(-30);
  });

  test.each([
    ['2026-05-15T03:30:00Z', 'UTC', '2026-05-15'],
    ['2026-05-15T03:30:00Z', 'America/Los_Angeles', '2026-05-14'],
    ['2026-05-14T23:30:00Z', 'Asia/Tokyo', '2026-05-15'],
    ['2026-12-31T23:59:00Z', 'Pacific/Kiritimati', '2027-01-01'],
  ])('todayIn at %s in %s is %s', (instant, tz, day) => {
    expect(todayIn(tz, new Date(instant))).toBe(day);
  });
});
