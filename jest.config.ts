import type { Config } from 'jest';

const swaggerPlugin = { path: '<rootDir>/test/setup/swagger-transformer.js' };

// @fastify/static (Swagger UI's file server) requires content-disposition 3, which is ESM only. Node 20 loads it
// natively; Jest on Node 20 cannot, so that one package is compiled to CommonJS for the tests.
const esmOnlyPackages = ['content-disposition'];
const esmToCjs = {
  [`/node_modules/(${esmOnlyPackages.join('|')})/.+\\.js$`]: [
    'ts-jest',
    { tsconfig: { isolatedModules: true, allowJs: true, module: 'commonjs', esModuleInterop: true } },
  ],
};

const common = {
  rootDir: __dirname,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^src/(.*)$': '<rootDir>/src/$1',
    '^test/(.*)$': '<rootDir>/test/$1',
    '^config/(.*)$': '<rootDir>/config/$1',
    '^migrations/(.*)$': '<rootDir>/migrations/$1',
    '^scripts/(.*)$': '<rootDir>/scripts/$1',
  },
  testEnvironment: 'node',
};

const config: Config = {
  // Integration tests boot real servers; a hook or test that needs longer than this is a bug.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
      transform: { ...esmToCjs, '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true } }] },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { ...esmToCjs, '^.+\\.ts$': ['ts-jest', { astTransformers: { before: [swaggerPlugin] } }] },
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};

export default config;
