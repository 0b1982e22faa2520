import { expect, test } from '@playwright/test'
import { useSeededServer } from './fixtures/seeded-server.ts'
import { openApp } from './fixtures/test.ts'

// Issue #12: the Add-edge dialog picks its ends by search (a keyboard-navigable combobox) or by exact key.

const server = useSeededServer()
const shots = '.artifacts/screenshots'

async function edgesFromAlice() {
  const page = await server().call('edges.list', { limit: 100 })
  return page.items.filter((edge) => edge.source === 'person/alice' && ['likes', 'visits'].includes(edge.type)).map((edge) => `${edge.type}:${edge.target}`).sort()
}

test('Add edge: pick the target by search with the keyboard, or type an exact key', async ({ page }) => {
  test.setTimeout(90_000)
  await openApp(page, server(), '#/nodes/person%2Falice')
  await expect(page.getByRole('heading', { name: 'Alice Andersen', level: 1 })).toBeVisible()

  await page.getByRole('button', { name: 'Add edge' }).click()
  const dialog = page.getByTestId('edge-create-dialog')
  await expect(dialog.getByRole('combobox', { name: 'From (node key)' })).toHaveValue('person/alice')
  const to = dialog.getByRole('combobox', { name: 'To (node key)' })
  await to.fill('engineer')
  const options = dialog.getByRole('option')
  await expect.poll(() => options.count()).toBeGreaterThan(2)
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await to.press('ArrowDown')
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(to).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!)
  const secondKey = (await options.nth(1).locator('code').textContent())!
  await page.screenshot({ path: `${shots}/edge-picker.png` })
  await to.press('Enter')
  await expect(to).toHaveValue(secondKey)
  await expect(options).toHaveCount(0)
  await dialog.getByLabel('Type').fill('likes')
  await dialog.getByRole('button', { name: 'Create edge' }).click()
  await expect(dialog).toBeHidden()

  // The mouse picks too; and an exact key, not picked from the list, still works.
  await page.getByRole('button', { name: 'Add edge' }).click()
  await to.fill('Oslo')
  await dialog.getByRole('option', { name: /^Oslo/ }).click()
  await expect(to).toHaveValue('city/oslo')
  await to.fill('company/acme')
  await to.press('Escape')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Type').fill('visits')
  await dialog.getByRole('button', { name: 'Create edge' }).click()
  await expect(dialog).toBeHidden()
  expect(await edgesFromAlice()).toEqual([`likes:${secondKey}`, 'visits:company/acme'].sort())
})
