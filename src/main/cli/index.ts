import { toErrorData } from '../../shared/errors.ts'
import { UsageError } from './args.ts'
import { exportCommand, exportUsage } from './commands/export.ts'
import { importCommand, importUsage } from './commands/import.ts'
import { serve, serveUsage } from './commands/serve.ts'
import { stats, statsUsage } from './commands/stats.ts'

const commands: Record<string, (args: string[]) => Promise<number>> = { serve, stats, import: importCommand, export: exportCommand }

const usage = `Usage: graphkeep <command> [options]

Commands:
  ${serveUsage}
  ${statsUsage}
  ${importUsage}
  ${exportUsage}

The store defaults to graphkeep.db in GraphKeep's data folder (the desktop app's); set
GRAPHKEEP_DATA_DIR to use another folder.
`

/** Runs one command; the result is the exit code: 0 done, 1 the command failed, 2 bad usage. */
async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage)
    return 0
  }
  const command = name === undefined ? undefined : Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    process.stderr.write(`${name === undefined ? 'no command given' : `unknown command "${name}"`}\n\n${usage}`)
    return 2
  }
  try {
    return await command(args)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}`)
      return 2
    }
    const { code, message } = toErrorData(error)
    process.stderr.write(`error ${code}: ${message}\n`)
    return 1
  }
}

process.exitCode = await runCli(process.argv.slice(2))
