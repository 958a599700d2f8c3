// Public surface of the pure recertification module (no botbuilder here).
export * from './assessment';
export * from './answers';
export * from './dates';
export * from './rules';
export * from './parseDate';
export * from './parseCecs';
export * from './parseExam';
export * from './extractFacts';
export { warmUpRecognizers, capText, cultureFor, MAX_RECOGNITION_CHARS } from './recognizers';
export { describesOwnSituation } from './situation';
