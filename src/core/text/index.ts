/** The text layer: folding for comparison, legacy Vietnamese encodings, and the workbook-wide normalisation. */
export { clean, fold, foldWords } from './fold';
export { LOWER_EXTRA_LETTERS, isAlphabetLetter, isExtraLetter } from './alphabet';
export { tcvn3ToUnicode, unicodeToTcvn3, type Tcvn3Caps, type Tcvn3Options } from './tcvn3';
export { vniToUnicode, unicodeToVni } from './vni';
export { fontEncoding, isCapsFont, type LegacyEncoding } from './fonts';
export { isVietnameseSyllable } from './syllable';
export { decideEncoding, decodeText, detectEncoding, fontHint, scoreTexts, type EncodingScores } from './encoding';
export { normalizeWorkbookText, type NormalizedWorkbook } from './normalize-grid';
