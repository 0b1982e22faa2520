/** A job id the contract accepts (letters, digits, - and _), unique enough to tell this run's progress from others'. */
export function newJobId(kind: 'import' | 'export'): string {
  const random = Math.floor(Math.random() * 36 ** 6).toString(36).padStart(6, '0')
  return `${kind}-${Date.now().toString(36)}-${random}`
}
