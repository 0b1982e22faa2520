import { readFileSync } from 'node:fs'

/**
 * This process's peak resident memory in MiB. On Linux, the kernel's high-water mark of this process's
 * own memory (VmHWM): getrusage's maxrss survives fork and exec, so a child started by a big parent
 * (the bench holding a 1M-node graph) would report the parent's peak.
 */
export function peakRssMiB(): number {
  try {
    const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (line) return Number(line[1]) / 1024
  } catch {
    // Not Linux: getrusage is the best there is.
  }
  return process.resourceUsage().maxRSS / 1024
}
