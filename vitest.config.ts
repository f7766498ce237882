import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    restoreMocks: true,
    // The CLI tests start real processes; on a 2-core CI machine a few of them in one test take seconds.
    testTimeout: 30_000,
    // No test may reach AWS: any request that escapes a mock goes to a closed loopback port and fails at once.
    env: {
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Scans record runs: tests keep theirs in a throwaway store, never in the repository's .onus/.
      ONUS_DATABASE_URL: join(tmpdir(), `onus-vitest-${process.pid}.db`),
    },
  },
});
