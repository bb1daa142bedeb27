/** One jest run for the whole monorepo; the packages are mapped to their sources. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/proto', '<rootDir>/packages', '<rootDir>/services', '<rootDir>/workflows', '<rootDir>/e2e'],
  testMatch: ['**/test/**/*.spec.ts', '**/src/**/*.spec.ts', '<rootDir>/e2e/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }],
  },
  moduleNameMapper: {
    '^@cobranza/contracts$': '<rootDir>/proto/src',
    '^@cobranza/platform$': '<rootDir>/packages/platform/src',
    '^@cobranza/recurrence$': '<rootDir>/packages/recurrence/src',
    '^@cobranza/contact-rules$': '<rootDir>/packages/contact-rules/src',
    '^@cobranza/testing$': '<rootDir>/test-support/src',
  },
  testTimeout: 120000,
};
