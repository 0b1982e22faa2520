/*
 * XML 1.0 cannot carry some characters at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF),
 * not even as references: they are written as U+FFFD. Line breaks and tabs are written as character
 * references so that they survive attribute normalisation and line-end handling.
 */
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
const SPECIAL = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/
const ESCAPED = /[&<>"\t\n\r]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' }

export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text
  return text.replace(ESCAPED, (char) => REFERENCES[char] ?? '\uFFFD')
}

/** What a string reads back as after escapeXml (for tests and documentation of the loss). */
export function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}
