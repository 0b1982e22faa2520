import { describe, expect, it } from 'vitest'
import { licenseExpression, licenseIds } from '../../../scripts/sample-graph/npm-graph/licenses.ts'
import { parsePeople, parsePerson } from '../../../scripts/sample-graph/npm-graph/people.ts'
import { commandNames, normalizeRepository } from '../../../scripts/sample-graph/npm-graph/repositories.ts'

describe('parsePerson', () => {
  it('reads the "Name <email> (url)" form', () => {
    expect(parsePerson('Ada  Lovelace <ada@example.org> (https://ada.example.org)')).toEqual({
      key: 'person:ada lovelace',
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      url: 'https://ada.example.org',
    })
  })

  it('reads the object form and falls back to the email for the key', () => {
    expect(parsePerson({ name: 'Grace Hopper', email: 'grace@example.org' })?.key).toBe('person:grace hopper')
    expect(parsePerson({ email: 'Someone@Example.org' })).toEqual({
      key: 'person:someone@example.org',
      name: 'Someone@Example.org',
      email: 'Someone@Example.org',
    })
  })

  it('skips entries without a name or email', () => {
    expect(parsePerson({ url: 'https://example.org' })).toBeNull()
    expect(parsePerson('   ')).toBeNull()
    expect(parsePeople([42, 'Linus', null])).toEqual([{ key: 'person:linus', name: 'Linus' }])
  })
})

describe('licenses', () => {
  it('splits SPDX expressions into the licenses they name', () => {
    expect(licenseIds('(MIT OR Apache-2.0)')).toEqual(['MIT', 'Apache-2.0'])
    expect(licenseIds('MIT AND (BSD-2-Clause OR ISC)')).toEqual(['MIT', 'BSD-2-Clause', 'ISC'])
    expect(licenseIds('GPL-2.0-only WITH Classpath-exception-2.0')).toEqual(['GPL-2.0-only WITH Classpath-exception-2.0'])
  })

  it('reads the string, legacy object and legacy list forms', () => {
    expect(licenseExpression({ license: 'ISC' })).toBe('ISC')
    expect(licenseExpression({ license: { type: 'MIT' } })).toBe('MIT')
    expect(licenseExpression({ licenses: [{ type: 'MIT' }, { type: 'GPL-2.0' }] })).toBe('(MIT OR GPL-2.0)')
    expect(licenseExpression({})).toBeUndefined()
  })
})

describe('repositories', () => {
  it('gives one name to the many spellings of a repository', () => {
    const spellings = [
      'git+https://github.com/Owner/Repo.git',
      'https://github.com/owner/repo',
      'github:owner/repo',
      'owner/repo',
      'git@github.com:owner/repo.git',
      'git://github.com/owner/repo.git#main',
    ]
    for (const spelling of spellings) expect(normalizeRepository(spelling)).toBe('github.com/owner/repo')
    expect(normalizeRepository('gitlab:group/project')).toBe('gitlab.com/group/project')
    expect(normalizeRepository('not a url')).toBeUndefined()
  })

  it('names the commands a package installs', () => {
    expect(commandNames({ name: '@scope/tool', bin: 'cli.js' })).toEqual(['tool'])
    expect(commandNames({ name: 'typescript', bin: { tsc: 'bin/tsc', tsserver: 'bin/tsserver' } })).toEqual(['tsc', 'tsserver'])
    expect(commandNames({ name: 'plain' })).toEqual([])
  })
})
