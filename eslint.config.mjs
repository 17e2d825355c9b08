// The lint run by `npm test` (npm run lint). Formatting is Prettier's
// (.prettierrc); these rules catch mistakes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Spreading an array into a call puts each element on the stack as an
// argument: an array of unknown length (rows of a library, lines of a file)
// throws RangeError past about 100,000 elements. Loops, or an eslint-disable
// comment saying why the array is small.
const noSpreadIntoCalls = {
  selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
  message: 'A spread into a call fails on long arrays: loop, or say why this one is short (eslint-disable-next-line with a reason).',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        require: 'readonly',
        module: 'writable',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      // The reader neutralises control characters in untrusted text: its
      // regular expressions name them on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests spread lists they write themselves; the reader's code may not.
    files: ['src/**', 'bench/**', 'scripts/**', 'bin/**'],
    rules: { 'no-restricted-syntax': ['error', noSpreadIntoCalls] },
  },
  {
    files: ['**/*.cjs', 'bin/news'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
