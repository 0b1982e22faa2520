// The store's public module: the CLI, the benchmark, the handlers and the tests use only this.
export { openStore } from './graph-store.ts'
export { StoreHost } from './host.ts'
export { SqlConsole } from './console/sql-console.ts'
export { detectFormatFromName } from './transfer/detect.ts'
export { LATEST_SCHEMA_VERSION } from './migrations/index.ts'
export { APPLICATION_ID } from './application-id.ts'
export type { GraphStore, OpenStoreOptions, RemoteStore } from './types.ts'
