// The text a node is found by besides its label: its top-level string properties, each after a space,
// as repos/node-text.ts's NODE_TEXT gives them to the index. Scoring a page reads this for every
// candidate, and JSON.parse built an object of every property only to keep the strings: a flat
// object without escapes is read here by finding its quotes instead, at about a fifth of the cost.

/** Flat and escape-free: no backslash, no array, no object but the outer one (a '{' or '[' inside a string also falls back). */
const needsParser = (props: string) => props.includes('\\') || props.includes('[') || props.indexOf('{', 1) !== -1

const QUOTE = 34
const COLON = 58

/** ' value value …' of the top-level string properties, in document order. */
export function textValuesOf(props: string): string {
  if (props === '{}') return ''
  if (needsParser(props)) return parsedTextValues(props)
  let text = ''
  let at = props.indexOf('"')
  while (at !== -1) {
    // A key: without escapes, its string ends at the next quote.
    const keyEnd = props.indexOf('"', at + 1)
    let value = keyEnd + 1
    while (props.charCodeAt(value) !== COLON) value++
    value++
    while (props.charCodeAt(value) <= 32) value++
    if (props.charCodeAt(value) === QUOTE) {
      const valueEnd = props.indexOf('"', value + 1)
      text += ` ${props.slice(value + 1, valueEnd)}`
      at = props.indexOf('"', valueEnd + 1)
    } else {
      // A number, true, false or null: the next key is the next quote.
      at = props.indexOf('"', value)
    }
  }
  return text
}

function parsedTextValues(props: string): string {
  let text = ''
  for (const value of Object.values(JSON.parse(props) as Record<string, unknown>)) if (typeof value === 'string') text += ` ${value}`
  return text
}
