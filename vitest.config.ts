import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20000,
    // Vitest's default in a run is one worker fewer than the CPUs: a single worker on the
    // 2-core machines CI and development use. Most test time is spent waiting for spawned
    // kpi processes, so two workers keep both cores busy (npm test: ~75 s instead of ~135 s).
    maxWorkers: 2,
  },
});
