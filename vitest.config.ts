import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,adapters,handlers,infra,local,test}/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
