/**
 * The real-systems tier (npm run test:real, via tools/real-systems/test-real.ts):
 * the real-Airflow tests, and the Vault suites again with VAULT_ADDR pointing
 * at OpenBao.
 */
import base from './jest.config.js'

export default {
  ...base,
  testMatch: [
    '**/__tests__/real/**/*.test.ts',
    '**/__tests__/vault-devserver/**/*.test.ts',
    '**/__tests__/sync/**/*.test.ts',
    '**/__tests__/provision/**/*.test.ts'
  ],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000
}
