export interface Person {
  key: string
  name: string
  email?: string
  url?: string
}

const PERSON_PATTERN = /^([^<(]*)(?:<([^>]*)>)?\s*(?:\(([^)]*)\))?/

function clean(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string') return undefined
  const text = value.replace(/\s+/g, ' ').trim()
  return text && text.length <= max ? text : undefined
}

/** One person field of a package.json: "Name <email> (url)" or { name, email, url }. */
export function parsePerson(value: unknown): Person | null {
  let name: string | undefined
  let email: string | undefined
  let url: string | undefined
  if (typeof value === 'string') {
    const match = PERSON_PATTERN.exec(value)
    name = clean(match?.[1])
    email = clean(match?.[2])
    url = clean(match?.[3], 500)
  } else if (typeof value === 'object' && value !== null) {
    const fields = value as Record<string, unknown>
    name = clean(fields.name)
    email = clean(fields.email)
    url = clean(fields.url, 500)
  }
  const identity = (name ?? email)?.toLowerCase()
  if (!identity) return null
  const person: Person = { key: `person:${identity}`, name: name ?? email ?? identity }
  if (email) person.email = email
  if (url) person.url = url
  return person
}

/** A person field that may hold one person or a list of them. */
export function parsePeople(value: unknown): Person[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return list.map(parsePerson).filter((person): person is Person => person !== null)
}
