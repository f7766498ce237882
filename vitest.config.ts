import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    restoreMocks: true,
    // The CLI tests start real processes; on a 2-core CI machine a few of them in one test take seconds.
    testTimeout: 30_000,
  },
});
