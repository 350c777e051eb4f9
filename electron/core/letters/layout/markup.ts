// The tiny markup of body paragraphs: `**bold**`. Nothing else is interpreted.

export interface TextRun {
  text: string;
  bold?: true;
}

/**
 * Splits a paragraph into runs: text between a pair of `**` is bold. An unpaired `**` is printed as
 * it is, and empty pairs (`****`) print nothing.
 */
export function parseBoldMarkup(paragraph: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*([\s\S]*?)\*\*/g;
  let last = 0;
  for (let match = pattern.exec(paragraph); match; match = pattern.exec(paragraph)) {
    if (match.index > last) runs.push({ text: paragraph.slice(last, match.index) });
    if (match[1]) runs.push({ text: match[1], bold: true });
    last = match.index + match[0].length;
  }
  if (last < paragraph.length) runs.push({ text: paragraph.slice(last) });
  return runs;
}
