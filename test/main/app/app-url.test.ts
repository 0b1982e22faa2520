import { join } from 'node:path'
import { expect, it } from 'vitest'
import { APP_INDEX_URL, rendererFileFor } from '../../../src/main/app/app-url.ts'

const folder = '/opt/graphkeep/out/renderer'

it('maps app://graphkeep/ paths to files inside the renderer folder only', () => {
  expect(rendererFileFor(APP_INDEX_URL, folder)).toBe(join(folder, 'index.html'))
  expect(rendererFileFor('app://graphkeep/', folder)).toBe(join(folder, 'index.html'))
  expect(rendererFileFor('app://graphkeep/assets/index-1.js?x=1#y', folder)).toBe(join(folder, 'assets/index-1.js'))
  // The URL parser itself keeps a literal `..` inside the root.
  expect(rendererFileFor('app://graphkeep/../main/index.js', folder)).toBe(join(folder, 'main/index.js'))
  expect(rendererFileFor('app://graphkeep/%2e%2e/%2e%2e/etc/passwd', folder)).toBe(join(folder, 'etc/passwd'))
  for (const bad of [
    'app://graphkeep/..%2f..%2fsecret', 'app://other/index.html',
    'file:///etc/passwd', 'app://graphkeep/%00x', 'app://graphkeep/%E0%A4%A', 'https://graphkeep/index.html',
  ]) expect(rendererFileFor(bad, folder), bad).toBeNull()
})
