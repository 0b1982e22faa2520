/**
 * Fault injection for the crash tests: with GRAPHKEEP_CRASH_AT naming this point, the process dies
 * here at once, as a power cut or SIGKILL would leave it. A no-op otherwise.
 */
export function crashPoint(name: string): void {
  if (process.env.GRAPHKEEP_CRASH_AT === name) process.kill(process.pid, 'SIGKILL')
}
