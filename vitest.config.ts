import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests start Chromium and training tests run real tfjs kernels: allow them time,
    // but keep the default for everything else (a unit test that needs seconds is a smell).
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
