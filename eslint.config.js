// Flat config, zero warnings (npm run lint uses --max-warnings 0). What matters most here
// are the import boundaries: core is pure, the renderer never touches electron or node,
// only the preload and IPC registration touch ipcRenderer/ipcMain.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'module'];

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
    ]),
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
        { group: ['**/electron/**'], message: 'The renderer never imports shell code.' },
      ]),
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli.ts', 'electron/cli/**/*.ts', 'scripts/**/*.ts'],
    rules: restrict([{ regex: '^electron(/.*)?$', message: 'Services run in plain Node: take Electron capabilities as parameters.' }]),
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
