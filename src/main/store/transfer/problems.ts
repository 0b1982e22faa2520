import type { ImportProblem, ImportReport, TransferFormat } from '../../../shared/transfer.ts'

/** Reports list this many problems; the count goes on. */
export const MAX_LISTED_PROBLEMS = 10_000

/** The problems one check finds, in the order found, sorted by file and line for the report. */
export class ProblemList {
  count = 0
  private readonly listed: ImportProblem[] = []

  add(problem: ImportProblem): void {
    this.count++
    if (this.listed.length < MAX_LISTED_PROBLEMS) this.listed.push(problem)
  }

  report(format: TransferFormat, nodes: number, edges: number, vectors = 0): ImportReport {
    const problems = [...this.listed].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1))
    return { format, ok: this.count === 0, nodes, edges, vectors, problemCount: this.count, problems, problemsTruncated: this.count > this.listed.length }
  }
}
