import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { methods } from './src/shared/contract.ts'

// Main-side entries share one flat folder so the store host finds storeWorker.js (and the SQL console
// its consoleProcess.js) beside itself.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/app/index.ts'),
          cli: resolve('src/main/cli/entry.ts'),
          storeWorker: resolve('src/main/store/worker.ts'),
          consoleProcess: resolve('src/main/store/console/console-process.ts'),
          readerWorker: resolve('src/main/store/reader-worker.ts'),
          vectorIndexWorker: resolve('src/main/store/vectors/index-build-worker.ts'),
          importWorker: resolve('src/main/store/transfer/import-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // The bridge exposes exactly the contract's calls; their names are written in here, without zod.
    define: { __CONTRACT_METHODS__: JSON.stringify(methods) },
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
    // Test-only hooks (the graph view's instance on window) are compiled out unless the build is for tests.
    define: { __GRAPHKEEP_TEST_HOOKS__: JSON.stringify(process.env.GRAPHKEEP_TEST_HOOKS === '1') },
  },
})
