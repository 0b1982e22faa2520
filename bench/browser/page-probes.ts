import type { Page } from '@playwright/test'

/**
 * Opens `hash` and resolves with the milliseconds until the graph view reports ready with elements
 * and two more frames have been drawn (so the first full paint is included), plus the time spent in
 * the API calls of that opening (from the browser's resource timings).
 */
export async function timeMount(page: Page, hash: string): Promise<{ mountMs: number; apiMs: number; fetchedMs: number; addedMs: number; elements: number }> {
  return page.evaluate(async (target) => {
    performance.clearResourceTimings()
    performance.clearMarks()
    const started = performance.now()
    window.location.hash = target
    const canvas = () => document.querySelector<HTMLElement>('[data-testid="graph-canvas"]')
    await new Promise<void>((resolve, reject) => {
      const deadline = started + 120_000
      const check = () => {
        const element = canvas()
        if (element?.dataset['graphState'] === 'ready' && Number(element.dataset['graphElements']) > 0) return resolve()
        if (element?.dataset['graphState'] === 'error' || element?.dataset['graphState'] === 'over-budget') return reject(new Error(`the view did not open: ${element.dataset['graphState']}`))
        if (performance.now() > deadline) return reject(new Error('the view did not open within 120 s'))
        requestAnimationFrame(check)
      }
      check()
    })
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const mountMs = performance.now() - started
    const apiMs = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/api/views.get') || entry.name.includes('/api/graph.induced'))
      .reduce((sum, entry) => sum + entry.duration, 0)
    // The view's own marks: data fetched (API + JSON), elements added to cytoscape; the rest is drawing.
    const mark = (name: string) => (performance.getEntriesByName(name, 'mark')[0]?.startTime ?? NaN) - started
    return { mountMs, apiMs, fetchedMs: mark('graphkeep:graph-fetched'), addedMs: mark('graphkeep:graph-added'), elements: Number(canvas()?.dataset['graphElements']) }
  }, hash)
}

/** Starts recording the gaps between animation frames (the frame times the user feels). */
export async function startFrameRecorder(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { gaps: [] as number[], last: performance.now(), running: true }
    ;(window as unknown as { __frameRecorder: typeof state }).__frameRecorder = state
    const tick = (now: number) => {
      state.gaps.push(now - state.last)
      state.last = now
      if (state.running) requestAnimationFrame(tick)
    }
    requestAnimationFrame((now) => {
      state.last = now
      requestAnimationFrame(tick)
    })
  })
}

export async function stopFrameRecorder(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = (window as unknown as { __frameRecorder: { gaps: number[]; running: boolean } }).__frameRecorder
    state.running = false
    return state.gaps
  })
}

/** Real input on the canvas: drags (pan) and wheel turns (zoom in and out), as a user would. */
export async function panAndZoom(page: Page, rounds: number): Promise<void> {
  const box = await page.getByTestId('graph-canvas').boundingBox()
  if (!box) throw new Error('the graph canvas is not on screen')
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  for (let round = 0; round < rounds; round++) {
    await page.mouse.move(cx, cy)
    await page.mouse.down()
    for (let step = 1; step <= 12; step++) await page.mouse.move(cx + step * 15 * (round % 2 ? -1 : 1), cy + step * 8)
    await page.mouse.up()
    for (let step = 0; step < 6; step++) await page.mouse.wheel(0, round % 2 ? 120 : -120)
  }
}

/** Runs the chosen background layout from the toolbar; resolves with its time once the positions are applied. */
export async function timeLayout(page: Page, layout: string): Promise<number> {
  await page.getByRole('combobox', { name: 'Layout' }).selectOption(layout)
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((element) => element.textContent === 'Run layout')
    if (!button) throw new Error('no Run layout button')
    const started = performance.now()
    button.click()
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector('[data-testid="graph-layout-progress"]') ? requestAnimationFrame(check) : resolve())
      requestAnimationFrame(check)
    })
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    return performance.now() - started
  })
}
