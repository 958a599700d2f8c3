// Question-type markers: the one ordinary word that makes a question out of scope ("how MUCH is the fee",
// "testing centers in TEXAS", "file too LARGE") is invisible to word coverage, so the type is detected apart.
// Patterns are data (knowledge/vocabulary.yaml `markers`); this only compiles and applies them.
import type { QuestionMarker } from './knowledge';

export interface MarkerDetector {
  /** ids of the markers the question carries; raw = the message, normalized = after the vocabulary */
  detect(raw: string, normalized: string): string[];
}

export function createMarkerDetector(markers: readonly QuestionMarker[]): MarkerDetector {
  const compiled = markers.map((m) => ({
    id: m.id,
    pattern: new RegExp(m.pattern, 'i'),
    unless: m.unless ? new RegExp(m.unless, 'i') : undefined,
  }));
  return {
    detect(raw, normalized) {
      // Curly apostrophes as straight ones, so "won’t upload" meets "won'?t".
      const asWritten = raw.toLowerCase().replace(/[\u2018\u2019`]/g, "'");
      const found: string[] = [];
      for (const m of compiled) {
        const hit = m.pattern.test(asWritten) || m.pattern.test(normalized);
        if (hit && !(m.unless && (m.unless.test(asWritten) || m.unless.test(normalized)))) found.push(m.id);
      }
      return found;
    },
  };
}
