/**
 * How long the emulator's server keeps an idle client connection open. Clients (the SDK in
 * function instances, tests, benchmarks) reuse connections; function instances close theirs
 * well before this (functions/emulator-agent.ts), so they never reuse one the server is closing.
 */
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 65_000;
