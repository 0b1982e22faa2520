/**
 * True only in a build made for tests (GRAPHKEEP_TEST_HOOKS=1 at build time); electron.vite.config.ts
 * replaces it with a literal, so a production bundle carries none of the code it guards.
 */
declare const __GRAPHKEEP_TEST_HOOKS__: boolean
