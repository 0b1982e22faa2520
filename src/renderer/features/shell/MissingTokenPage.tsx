export function MissingTokenPage() {
  return (
    <main className="full-page-message" data-testid="missing-token">
      <div className="card">
        <h1>GraphKeep needs its access link</h1>
        <p>
          Open GraphKeep from the link printed by <code>npm run web</code>. The link carries the access token for this session;
          this page was opened without it.
        </p>
      </div>
    </main>
  )
}
