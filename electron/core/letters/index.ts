// Letters: from the ledger and shared/law to a PDF that holds up (issue 7).
export { composeLetter, composeTestPrint, fillPlaceholders, interestOf, letterFileName, missingAddress } from './compose';
export type { Composition, LetterInput } from './compose';
export { fourteenDayChecks } from './fourteenDayChecks';
export type { FourteenDayDraft } from './fourteenDayChecks';
export { interruptionsOf, limitationOfDebtor, limitationWarnings, nearLimitation } from './limitation';
export { mergePdfs, pdfPageCount, PdfMergeError } from './mergePdf';
export {
  batchLetters, getLetter, letterOptions, listLetters, MAX_DAYS_AHEAD, previewLetter, produceLetter, recordRegistered, renderComposition, testPrint,
} from './service';
export { getLetterSettings, saveLetterSettings } from './settings';
export { FOURTEEN_DAY_TERM, NOTHING_EXTRA, STUITING_MARK } from './texts';
