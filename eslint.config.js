// Flat config, zero warnings (npm run lint uses --max-warnings 0). What matters most here
// are the import boundaries: core is pure, the renderer never touches electron or node,
// only the preload and IPC registration touch ipcRenderer/ipcMain. Folders are banned by
// relative path (any depth), packages by name: `electron` is both, and the two bans differ.
// scripts/eslint-boundaries.test.ts proves each ban fires.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'module'];

/** A relative import (any number of `./` and `../`) with a path segment naming one of `folders`. */
const relativeInto = (folders, message) => ({ regex: `^\\.{1,2}/(?:.*/)?(?:${folders.join('|')})(?:/|$)`, message });

const CORE_PATH_BAN = relativeInto(['electron', 'renderer', 'scripts'], 'core/ is pure: it imports nothing from electron/, renderer/ or scripts/.');
const NOT_MAIN = 'electron/services never imports electron/main: take capabilities as parameters.';
const SERVICES_PATH_BANS = [
  // ../main/x from services/, ../../main/x from services/testing/, or by way of the electron folder.
  { regex: '^(?:\\./)?(?:\\.\\./)+main(?:/|$)', message: NOT_MAIN },
  { regex: '^\\.{1,2}/(?:.*/)?electron/main(?:/|$)', message: NOT_MAIN },
];
const ELECTRON_PACKAGE_BAN = { regex: '^electron(/.*)?$', message: 'Services run in plain Node: take Electron capabilities as parameters.' };

const restrict = (groups, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns: groups, paths }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-console': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    rules: restrict([
      { regex: '^(electron|electron-store|conf)(/.*)?$', message: 'core/ is pure: no Electron or storage.' },
      { group: NODE_BUILTINS, message: 'core/ is pure: no Node built-ins (pass capabilities in).' },
      { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ has no UI.' },
      { group: ['pdfmake', 'pdfmake/*', 'pdfkit'], allowTypeImports: true, message: 'core/ builds document definitions; rendering is in electron/services.' },
      CORE_PATH_BAN,
    ]),
  },
  {
    // core's tests may read files and the shipped templates, but not the shell or the UI.
    files: ['core/**/*.test.ts'],
    rules: restrict([CORE_PATH_BAN]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...restrict([
        { regex: '^(electron|electron-store|conf)(/.*)?$', message: 'The renderer talks to the shell only through window.clinic.' },
        { group: NODE_BUILTINS, message: 'The renderer runs in a sandboxed page: no Node.' },
        { group: ['pdfmake', 'pdfmake/*', 'pdfkit'], message: 'PDFs are rendered in main (fonts would bloat the renderer).' },
        relativeInto(['electron', 'scripts'], 'The renderer imports nothing from electron/ or scripts/ (shell and tools).'),
      ]),
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: restrict([ELECTRON_PACKAGE_BAN, ...SERVICES_PATH_BANS]),
  },
  {
    // The CLI and the dev tools run in plain Node too; scripts may reuse electron/main's pure policy.
    files: ['electron/cli.ts', 'electron/cli/**/*.ts', 'scripts/**/*.ts'],
    rules: restrict([ELECTRON_PACKAGE_BAN]),
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc.ts'],
    rules: restrict([], [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Only electron/main/ipc.ts registers IPC.' }]),
  },
  {
    files: ['scripts/preview-bridge/bridge-client.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['*.config.ts', '*.config.js', 'eslint.config.js', 'vite.*.ts', '**/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
