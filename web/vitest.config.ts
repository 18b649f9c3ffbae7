import { defineConfig } from 'vitest/config'

// Unit tests of the web sources (pure logic such as lib/time), run with
// `npx vitest run --config web/vitest.config.ts`; the browser test lives in e2e/ and runs from the root config.
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['src/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
  },
})
