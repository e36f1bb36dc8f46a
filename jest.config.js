/** Jest on ESM TypeScript: the actions/typescript-action recipe. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true }]
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  // The real-systems tier runs on its own: npm run test:real.
  testPathIgnorePatterns: ['/node_modules/', '/__tests__/real/'],
  testTimeout: 20000,
  reporters: [
    'default',
    '<rootDir>/tools/real-systems/server-count-reporter.js'
  ],
  setupFiles: ['<rootDir>/__tests__/setup/no-workflow-commands.ts']
}
