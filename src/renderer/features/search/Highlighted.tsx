import { highlightSegments } from './highlight.ts'

/** A snippet with its matched terms in <mark>; React escapes every run, so no markup from data is ever parsed. */
export function Highlighted({ text, highlights }: { text: string; highlights: readonly (readonly [number, number])[] }) {
  return (
    <>
      {highlightSegments(text, highlights).map((segment, index) =>
        segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  )
}
