/**
 * The import rules `npm test` checks (npm run depcheck): no runtime cycles, and layers that point one way. Type-only
 * imports are left out: they vanish at run time. The rules grow as the architecture step moves the folders.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A runtime import cycle: which module loads first decides what the other sees.',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds the rules: it imports only itself, zod and Node built-ins.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', '^node_modules/zod/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'db-below-the-app',
      comment: 'db/ declares the records and builds their models: it imports only itself, domain/ and npm packages.',
      severity: 'error',
      from: { path: '^db/' },
      // Also node_modules reached through a symlink (a worktree sharing another checkout's packages).
      to: { pathNot: ['^db/', '^domain/', '(^|/)node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'product-never-imports-tests-tools-bench',
      comment: 'What runs in production never loads the tests, the operator tools or the bench.',
      severity: 'error',
      from: { path: '^(domain|db|resources|actions|jobs|server|migrations|config|seeds)/' },
      to: { path: '^(test|tools|bench)/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.adminjs|data|tmpx|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
