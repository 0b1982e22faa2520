// Child process of measure-import.ts: imports files into a store through the real worker (StoreHost),
// watching this process's peak memory and its main thread's event-loop delay, and prints the result.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { StoreHost } from '../src/main/store/host.ts'
import { peakRssMiB } from './peak-memory.ts'

const { values } = parseArgs({ options: { store: { type: 'string' }, file: { type: 'string', multiple: true } } })
const host = await StoreHost.open({ file: values.store as string })
const results = []
try {
  for (const file of values.file ?? []) {
    const delay = monitorEventLoopDelay({ resolution: 5 })
    delay.enable()
    const started = performance.now()
    const cpu = process.cpuUsage()
    const summary = await host.store.import.run({ source: { path: file, format: 'jsonl' }, options: { onError: 'abort', onDuplicate: 'fail' } })
    const seconds = (performance.now() - started) / 1000
    const used = process.cpuUsage(cpu)
    delay.disable()
    results.push({
      // CPU time of every thread of this process: what an import costs on a machine whose cores are busy with other work too.
      file, seconds, cpuSeconds: (used.user + used.system) / 1e6, nodes: summary.nodes.inserted, edges: summary.edges.inserted, ok: summary.report.ok,
      loopDelayP99Ms: delay.percentile(99) / 1e6, loopDelayMaxMs: delay.max / 1e6,
      peakRssSoFarMiB: peakRssMiB(),
    })
  }
  // Measured before the integrity check, which reads the whole store through the memory map.
  const peak = peakRssMiB()
  const check = await host.store.health.check({ full: true })
  process.stdout.write(JSON.stringify({ results, peakRssMiB: peak, integrityOk: check.integrity.ok }) + '\n')
} finally {
  await host.close()
}
