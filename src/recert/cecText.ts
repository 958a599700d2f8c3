// CEC counts in words, for the dialogs and the follow-ups alike. Pure.

/** A trainer's own CEC count as a plain number: 0, 1, 1.5 (the article's requirement is written "2.0"). */
export function formatCecs(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A count of CECs as echoed back: "0 CECs", "1 CEC", "1.5 CECs" (only exactly one is singular). */
export function cecCount(value: number): string {
  const n = formatCecs(value);
  return `${n} ${n === '1' ? 'CEC' : 'CECs'}`;
}
