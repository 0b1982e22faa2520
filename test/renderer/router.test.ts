import { describe, expect, it } from 'vitest'
import { hrefFor, parseHash, type KnownRoute } from '../../src/renderer/lib/router.ts'

describe('parseHash', () => {
  it('opens the node list for an empty hash, "#", "#/" and "#/nodes"', () => {
    for (const hash of ['', '#', '#/', '#/nodes', '/nodes']) expect(parseHash(hash)).toEqual({ name: 'nodes' })
  })

  it('recognises the plain pages', () => {
    expect(parseHash('#/edges')).toEqual({ name: 'edges' })
    expect(parseHash('#/backups')).toEqual({ name: 'backups' })
    expect(parseHash('#/health')).toEqual({ name: 'health' })
  })

  it('decodes the key of a node page', () => {
    expect(parseHash('#/nodes/alice')).toEqual({ name: 'node', key: 'alice' })
    expect(parseHash('#/nodes/a%2Fb')).toEqual({ name: 'node', key: 'a/b' })
    expect(parseHash('#/nodes/100%25')).toEqual({ name: 'node', key: '100%' })
    expect(parseHash('#/nodes/Z%C3%BCrich')).toEqual({ name: 'node', key: 'Zürich' })
  })

  it('takes everything after "/nodes/" as the key, unencoded slashes included', () => {
    expect(parseHash('#/nodes/a/b')).toEqual({ name: 'node', key: 'a/b' })
  })

  it('reports malformed percent-escapes as an unknown page instead of throwing', () => {
    expect(parseHash('#/nodes/%')).toEqual({ name: 'unknown', hash: '#/nodes/%' })
    expect(parseHash('#/nodes/%E0%A4%A')).toEqual({ name: 'unknown', hash: '#/nodes/%E0%A4%A' })
  })

  it('reports anything else as unknown, keeping the original hash', () => {
    for (const hash of ['#/nodes/', '#/edges/', '#/Edges', '#/settings', '#/health?x=1', '#nodes', '#token=abc']) {
      expect(parseHash(hash)).toEqual({ name: 'unknown', hash })
    }
  })
})

describe('hrefFor', () => {
  it('links to the plain pages', () => {
    expect(hrefFor({ name: 'nodes' })).toBe('#/nodes')
    expect(hrefFor({ name: 'edges' })).toBe('#/edges')
    expect(hrefFor({ name: 'backups' })).toBe('#/backups')
    expect(hrefFor({ name: 'health' })).toBe('#/health')
  })

  it('percent-encodes node keys', () => {
    expect(hrefFor({ name: 'node', key: 'a/b' })).toBe('#/nodes/a%2Fb')
    expect(hrefFor({ name: 'node', key: '50% off' })).toBe('#/nodes/50%25%20off')
    expect(hrefFor({ name: 'node', key: 'x#y?z' })).toBe('#/nodes/x%23y%3Fz')
  })

  it('round-trips through parseHash for awkward keys', () => {
    const keys = ['plain', 'a/b/c', '%', '%25', '100% sure', ' spaced ', 'Zürich', '東京', '😀', 'x#y?z&w=1', '../..', 'nodes']
    for (const key of keys) {
      const route: KnownRoute = { name: 'node', key }
      expect(parseHash(hrefFor(route))).toEqual(route)
    }
    for (const name of ['nodes', 'edges', 'backups', 'health'] as const) expect(parseHash(hrefFor({ name }))).toEqual({ name })
  })
})
