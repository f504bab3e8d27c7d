/**
 * A place or outlet the report masks ("**市", "**日报社") reads as 某市 wherever it is shown as
 * text (answers, honours lists, charts); a citation's quote keeps the source's own characters.
 */
export const showMaskedNames = (text: string): string =>
  text.replace(/[*＊]{2,}(?=(市|县|区|镇|乡|村|日报社|电视台|电台|军休所))/g, '某');
