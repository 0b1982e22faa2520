import type { Verification } from '../../../shared/backup.ts'
import { formatTimestamp } from '../../lib/format.ts'

export function VerificationBadge({ verification }: { verification: Verification }) {
  const checked = verification.checkedAt === null ? '' : ` on ${formatTimestamp(verification.checkedAt)}`
  switch (verification.state) {
    case 'ok':
      return <span className="badge badge-ok" data-testid="verification" title={`Verified${checked}`}>verified ✓</span>
    case 'failed':
      return (
        <>
          <span className="badge badge-failed" data-testid="verification" title={`Failed${checked}`}>
            failed {verification.code ?? ''}
          </span>
          {verification.message && <div className="verification-message">{verification.message}</div>}
        </>
      )
    case 'unverified':
      return <span className="badge" data-testid="verification">unverified</span>
  }
}
