// Lint rules: typescript-eslint's recommended set, React's hooks rules for the renderer, and the
// layers' import arrows (docs/architecture.md), so that an import against an arrow fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * What each top-level folder may import of ours besides itself; anything else of the repository is
 * refused (packages in node_modules are not concerned). build/, tests/ and the root's config files
 * may import anything.
 */
const layers = {
  domain: [],
  seeds: ['domain'],
  db: ['domain', 'seeds'],
  renderer: ['domain'],
  transport: ['domain'],
  electron: ['transport', 'db', 'domain'],
  web: ['transport', 'db', 'domain'],
  cli: ['db', 'domain'],
};

const importArrows = Object.entries(layers).map(([layer, allowed]) => ({
  target: `./${layer}`,
  from: '.',
  except: ['./node_modules', `./${layer}`, ...allowed.map((folder) => `./${folder}`)],
  message: allowed.length
    ? `${layer}/ may import only ${allowed.map((folder) => `${folder}/`).join(', ')}`
    : `${layer}/ imports nothing of ours`,
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', 'tests/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: importArrows },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
