/**
 * The import rules `npm test` checks (npm run depcheck): no runtime cycles, and layers that point one way. Each folder
 * has a layer; a module imports only from its own layer and the layers below:
 *
 *   domain ← settings ← queue ← db, migrations ← services ← panel, resources, actions ← http, jobs ← main, seeds, tools
 *
 * http and jobs are side by side and never import each other; bench and test sit above everything. Type-only imports
 * are left out: they vanish at run time.
 */
const LAYERS = [
  ['domain'],
  ['settings'],
  ['queue'],
  ['db', 'migrations'],
  ['services'],
  ['panel', 'resources', 'actions'],
  ['http', 'jobs'],
  ['main', 'seeds', 'tools'],
];
const folders = (names) => `^(${names.join('|')})/`;
const above = (index) => LAYERS.slice(index + 1).flat();
const layerRules = LAYERS.flatMap((layer, index) => [
  ...(index < LAYERS.length - 1
    ? [
        {
          name: `${layer.join('-')}-imports-only-below`,
          comment: `${layer.join(', ')} may import only from its own layer and those below it (${LAYERS.slice(0, index).flat().join(', ') || 'none'}).`,
          severity: 'error',
          from: { path: folders(layer) },
          to: { path: folders([...above(index), 'test', 'bench']), dependencyTypesNot: ['type-only'] },
        },
      ]
    : []),
]);
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'http-and-jobs-apart',
      comment: 'The web and the workers are siblings: what both need lives in services/ or below.',
      severity: 'error',
      from: { path: '^(http|jobs)/' },
      to: { path: '^(http|jobs)/', pathNot: '^$1/', dependencyTypesNot: ['type-only'] },
    },
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
      to: { pathNot: ['^domain/', '(^|/)node_modules/zod/'], dependencyTypesNot: ['core', 'type-only'] },
    },
    {
      name: 'product-never-imports-tests-tools-bench',
      comment: 'What runs in production never loads the tests, the operator tools or the bench.',
      severity: 'error',
      from: { path: '^(domain|settings|queue|db|migrations|services|panel|resources|actions|http|jobs|main|config|seeds)/' },
      to: { path: '^(test|tools|bench)/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.adminjs|data|tmpx|coverage|test/artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
    },
  },
};
