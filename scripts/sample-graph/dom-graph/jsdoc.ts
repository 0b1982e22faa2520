import ts from 'typescript'

export interface DocSummary {
  /** The first sentence of the comment, without markdown, at most MAX_DESCRIPTION characters. */
  description?: string
  /** The MDN page the comment links to. */
  mdn?: string
  deprecated: boolean
}

const MAX_DESCRIPTION = 200
const MDN_LINK = /\[MDN Reference\]\((https:\/\/developer\.mozilla\.org\/[^)\s]+)\)/

/** What a declaration's JSDoc says about it, in the shape lib.dom.d.ts writes it. */
export function summarizeDoc(node: ts.Node): DocSummary {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)
  const text = docs.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join('\n')
  // The link may follow a tag (`@deprecated`), where it belongs to the tag's comment: search the whole block.
  const mdn = MDN_LINK.exec(docs.map((doc) => doc.getText()).join('\n'))?.[1]
  const description = firstSentence(text.replace(MDN_LINK, ''))
  const summary: DocSummary = { deprecated: ts.getJSDocDeprecatedTag(node) !== undefined }
  if (description) summary.description = description
  if (mdn) summary.mdn = mdn
  return summary
}

/** Plain text of a markdown comment's first sentence, cut at a word boundary when it is too long. */
export function firstSentence(markdown: string): string | undefined {
  const plain = markdown
    .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)[^}]*\}/g, '$1')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!plain) return undefined
  const sentence = /^.*?[.!?](?=\s|$)/.exec(plain)?.[0] ?? plain
  if (sentence.length <= MAX_DESCRIPTION) return sentence
  const cut = sentence.slice(0, MAX_DESCRIPTION - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > MAX_DESCRIPTION / 2 ? cut.slice(0, space) : cut}…`
}
