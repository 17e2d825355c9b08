// The layers of src/, lowest first: a module may use its own layer and those
// below it, never one above, and no import may close a cycle. `npm test`
// runs this check (npm run check:deps).
const LAYERS = ['model', 'text', 'parse', 'web', 'library', 'index', 'search', 'render', 'cli'];
const folder = (layer) => (layer === 'model' ? '^src/model\\.ts$' : `^src/${layer}/`);

const upward = LAYERS.slice(0, -1).map((layer, rank) => ({
  name: `${layer}-uses-no-layer-above`,
  comment: `src/${layer} may use only ${LAYERS.slice(0, rank + 1).join(', ')}`,
  severity: 'error',
  from: { path: folder(layer) },
  to: { path: LAYERS.slice(rank + 1).map(folder) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'an import cycle: the modules cannot be understood, tested or loaded one without the other',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
    {
      name: 'api-without-command-line',
      comment: 'the public API (src/index.ts) is the reader without the command line: no cli/, commander or chalk',
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: ['^src/cli/', 'node_modules/(commander|@commander-js|chalk)/'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
