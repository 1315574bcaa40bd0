// Lint, and the layer rules of the architecture: code is sorted by where it runs, and an
// import that crosses a layer the wrong way fails the build (see the README's "Layers").
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib'];

function layer(files, forbidden) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: forbidden.map(({ group, because }) => ({ group, message: because })) },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', 'db/migrations/', 'test-results/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['shared/**/*.ts'], [
    { group: NODE_BUILTINS, because: 'shared/ runs anywhere: no Node modules.' },
    { group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], because: 'shared/ runs anywhere: no Electron, DOM or database libraries.' },
    { group: ['**/db/*', '**/electron/*', '**/renderer/*', '**/tests/*'], because: 'shared/ imports nothing of the other layers.' },
  ]),
  layer(['db/**/*.ts'], [
    { group: ['electron', 'react', 'react-dom'], because: 'db/ runs in Node: no Electron or DOM.' },
    { group: ['**/electron/*', '**/renderer/*', '**/tests/*'], because: 'db/ may import only shared/.' },
  ]),
  layer(['electron/core/**/*.ts'], [
    { group: ['electron'], because: 'The core runs under plain Node; only electron/desktop/ imports Electron.' },
    { group: ['react', 'react-dom'], because: 'The core has no DOM.' },
    { group: ['**/renderer/*', '**/desktop/*', '**/web/*', '**/cli/*', '**/tests/*'], because: 'The core may import only shared/ and db/.' },
  ]),
  layer(['electron/web/**/*.ts', 'electron/cli/**/*.ts', 'electron/launch.ts'], [
    { group: ['electron'], because: 'The web host and the command line run under plain Node; only electron/desktop/ imports Electron.' },
    { group: ['**/renderer/*', '**/desktop/*', '**/tests/*'], because: 'Hosts may import only the core, db/ and shared/.' },
  ]),
  layer(['electron/desktop/**/*.ts'], [
    { group: ['**/renderer/*', '**/web/*', '**/cli/*', '**/tests/*'], because: 'The desktop shell may import only the core, db/ and shared/.' },
  ]),
  {
    // The renderer takes only the contract's types: its zod schemas would bring zod into the page,
    // whose code generation the Content-Security-Policy forbids. Validation happens in the services.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shared/contract', '**/shared/contract-*'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the contract; put shared constants in shared/vocabulary.ts.',
            },
            { group: ['zod', 'zod/*'], message: 'The renderer does not validate with zod: the services do.' },
          ],
        },
      ],
    },
  },
  layer(['renderer/**/*.ts', 'renderer/**/*.tsx'], [
    { group: NODE_BUILTINS, because: 'The renderer runs in the browser: no Node modules.' },
    { group: ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], because: 'The renderer reaches data only through the contract.' },
    { group: ['**/db/*', '**/electron/*', '**/tests/*'], because: 'The renderer may import only shared/ and browser libraries.' },
  ]),
);
