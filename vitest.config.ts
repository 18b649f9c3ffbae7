import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'web/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep the worker count small so PostgreSQL and Chromium tests do not starve each other.
    maxWorkers: 2,
    env: { TZ: 'UTC' },
    // expect.poll waits for a state a browser or the engine reaches asynchronously; 1 s (the
    // default) is too short on a loaded 2-core machine, and a poll that succeeds ends at once.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
})
