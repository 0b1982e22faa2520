import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GraphKeepError, type ErrorData } from '../../../shared/errors.ts'
import type { ConsolePlan, ConsoleResult, ConsoleSchema } from '../../../shared/sql-console.ts'
import type { ConsoleReply, ConsoleRequest } from './protocol.ts'

/** The built bundle has consoleProcess.js beside it; from source, Node runs console-process.ts. */
function processFile(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const built = join(here, 'consoleProcess.js')
  return existsSync(built) ? built : join(here, 'console-process.ts')
}

/** Schema and plans answer fast; they get this long. */
const QUICK_TIMEOUT_MS = 10_000

type Request = ConsoleRequest extends infer R ? (R extends ConsoleRequest ? Omit<R, 'id' | 'file'> : never) : never

interface Running {
  child: ChildProcess
  ready: Promise<void>
}

/**
 * The SQL console of one store file: its statements run one at a time in a process of their own on a
 * read-only connection. A statement past its time limit is stopped by killing that process; the next
 * one is started at once, and the store's own worker never waits for either.
 */
export class SqlConsole {
  private running: Running | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private nextId = 1
  private closed = false
  private readonly file: string

  constructor(file: string) {
    this.file = file
  }

  run(input: { sql: string; rowCap: number; timeoutMs: number }): Promise<ConsoleResult> {
    return this.enqueue({ kind: 'run', sql: input.sql, rowCap: input.rowCap }, input.timeoutMs) as Promise<ConsoleResult>
  }

  plan(input: { sql: string }): Promise<ConsolePlan> {
    return this.enqueue({ kind: 'plan', sql: input.sql }, QUICK_TIMEOUT_MS) as Promise<ConsolePlan>
  }

  schema(): Promise<ConsoleSchema> {
    return this.enqueue({ kind: 'schema' }, QUICK_TIMEOUT_MS) as Promise<ConsoleSchema>
  }

  /** Ends the console's process (a restore swaps the file, or the store closes). */
  close(): void {
    this.closed = true
    this.stop()
  }

  /** The process id of the console's current process, for tests that watch it go. */
  get pid(): number | undefined {
    return this.running?.child.pid
  }

  private enqueue(request: Request, timeoutMs: number): Promise<unknown> {
    const next = this.queue.then(() => this.send(request, timeoutMs))
    this.queue = next.catch(() => undefined)
    return next
  }

  private start(): Running {
    const child = fork(processFile(), [], {
      execArgv: [],
      // Under Electron the executable is Electron's: run it as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'json',
    })
    // Neither the process nor its channel keeps the store's process alive.
    child.unref()
    child.channel?.unref()
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: ConsoleReply) => {
        if ('ready' in message) {
          child.off('message', onMessage)
          resolve()
        }
      }
      child.on('message', onMessage)
      child.once('error', (error) => reject(new GraphKeepError('INTERNAL', `the SQL console could not start: ${error.message}`)))
      child.once('exit', (code, signal) => reject(new GraphKeepError('INTERNAL', `the SQL console stopped (${signal ?? code})`)))
    })
    ready.catch(() => undefined)
    return { child, ready }
  }

  private stop(): void {
    const running = this.running
    this.running = null
    if (running && running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL')
  }

  private async send(request: Request, timeoutMs: number): Promise<unknown> {
    if (this.closed) throw new GraphKeepError('STORE_CLOSED', 'the SQL console is closed')
    this.running ??= this.start()
    const { child, ready } = this.running
    await ready
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer)
        child.off('message', onMessage)
        child.off('exit', onExit)
      }
      const onMessage = (message: ConsoleReply) => {
        if ('ready' in message || message.id !== id) return
        finish()
        if (message.ok) resolve(message.value)
        else reject(GraphKeepError.fromData(message.error as ErrorData))
      }
      const onExit = (code: number | null, signal: string | null) => {
        finish()
        if (this.running?.child === child) this.running = null
        reject(new GraphKeepError('INTERNAL', `the SQL console stopped while running the statement (${signal ?? code})`))
      }
      const timer = setTimeout(() => {
        finish()
        this.stop()
        // Started again at once, so the next statement does not wait for a new process.
        if (!this.closed) this.running = this.start()
        reject(new GraphKeepError('TIMEOUT', `the statement ran longer than ${timeoutMs} ms and was stopped`, { timeoutMs }))
      }, timeoutMs)
      child.on('message', onMessage)
      child.on('exit', onExit)
      child.send({ ...request, id, file: this.file } as ConsoleRequest)
    })
  }
}
