// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import pluginVue from 'eslint-plugin-vue';

const PARENT_IMPORTS = { group: ['../*', './../*'], message: 'Import from src/... (absolute), not a parent folder.' };

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.local/**',
      'coverage/**',
      'eslint.config.mjs',
      'test/setup/*.js',
      'src/console/api-types.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...pluginVue.configs['flat/recommended'],
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // A `default` that throws is an explicit decision (e.g. a handler serving a subset of an enum).
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-extraneous-class': 'off',
      // Response DTO classes describe shapes for OpenAPI; mappers build them as plain objects on purpose.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [PARENT_IMPORTS] }],
    },
  },
  {
    // The layering: rules (services, command effects, after-write hooks) and controllers never touch the ORM, the
    // queue or Redis; repositories, the unit of work and the queue service do.
    files: ['src/**/*.service.ts', 'src/**/*.controller.ts', 'src/**/*.hook.ts', 'src/**/effects/*.ts'],
    // QueueService is the queue's one adapter: the only service that holds a BullMQ queue.
    ignores: ['src/queue/queue.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            PARENT_IMPORTS,
            {
              group: ['typeorm', 'typeorm/*', '@nestjs/typeorm', 'bullmq', '@nestjs/bullmq', 'ioredis'],
              message: 'Services, effects and controllers go through repositories, DbContext and QueueService.',
            },
          ],
        },
      ],
    },
  },
  {
    // The dashboard's browser scripts: plain ES modules served as they are (no build), outside the TS program.
    files: ['src/dashboard/assets/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'document',
          'location',
          'history',
          'fetch',
          'URL',
          'URLSearchParams',
          'FormData',
          'Option',
          'Intl',
          'sessionStorage',
          'localStorage',
          'matchMedia',
          'ResizeObserver',
          'echarts',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The staff console: a browser app of its own (src/console/tsconfig.json, type-checked by vue-tsc in
    // `npm run typecheck`); relative imports inside it, `src/...` only for what it shares with the service.
    files: ['src/console/**/*.{ts,mts,vue}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], projectService: false },
      globals: Object.fromEntries(
        ['document', 'window', 'location', 'fetch', 'URL', 'sessionStorage', 'localStorage', 'crypto', 'console'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
    // vue-tsc checks names; no-undef does not know TypeScript's DOM types.
    rules: { 'no-restricted-imports': 'off', 'no-undef': 'off', 'vue/multi-word-component-names': 'off' },
  },
);
