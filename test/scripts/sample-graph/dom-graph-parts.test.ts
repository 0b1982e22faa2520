import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { firstSentence } from '../../../scripts/sample-graph/dom-graph/jsdoc.ts'
import { referencedTypeNames } from '../../../scripts/sample-graph/dom-graph/type-references.ts'

function typeOf(text: string): ts.TypeNode {
  const source = ts.createSourceFile('t.d.ts', `type T = ${text};`, ts.ScriptTarget.Latest, true)
  return (source.statements[0] as ts.TypeAliasDeclaration).type
}

describe('firstSentence', () => {
  it('keeps the first sentence as plain text', () => {
    expect(firstSentence('The **`Node`** interface is an `abstract` base class.  It is the root, e.g. of Element.')).toBe(
      'The Node interface is an abstract base class.',
    )
    expect(firstSentence('Gets {@link Element.id} or {@linkcode Attr | an attribute}')).toBe('Gets Element.id or Attr')
    expect(firstSentence('Version 1.5 of the\nAPI. Then more.')).toBe('Version 1.5 of the API.')
    expect(firstSentence('  \n ')).toBeUndefined()
  })

  it('cuts a long sentence at a word, within 200 characters', () => {
    const long = `${'word '.repeat(60)}end.`
    const cut = firstSentence(long)!
    expect(cut.length).toBeLessThanOrEqual(200)
    expect(cut).toMatch(/^word( word)*…$/)
    expect(firstSentence('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`)
  })
})

describe('referencedTypeNames', () => {
  it('names every type a type expression mentions, once', () => {
    expect(referencedTypeNames(typeOf('Promise<Response | null> | Response[] | WebAssembly.Module'), new Set())).toEqual([
      'Promise',
      'Response',
      'WebAssembly.Module',
    ])
    expect(referencedTypeNames(typeOf('((this: Window, ev: UIEvent) => any) | null'), new Set())).toEqual(['Window', 'UIEvent'])
  })

  it('leaves out type parameters in scope, including those a function or mapped type declares', () => {
    expect(referencedTypeNames(typeOf('Map<K, V>'), new Set(['K']))).toEqual(['Map', 'V'])
    expect(referencedTypeNames(typeOf('<E extends Event>(event: E) => E'), new Set())).toEqual(['Event'])
    expect(referencedTypeNames(typeOf('{ [P in keyof Node]: Node[P] }'), new Set())).toEqual(['Node'])
    expect(referencedTypeNames(undefined, new Set())).toEqual([])
  })
})
