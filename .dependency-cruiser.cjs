/** Architectural rules checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make initialisation order fragile.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-never-imports-features',
      severity: 'error',
      comment: 'server/src/core is infrastructure; features build on it, never the reverse.',
      from: { path: '^server/src/core/' },
      to: { path: '^server/src/(auth|workspaces|permissions|audit|health)/' },
    },
    {
      name: 'features-through-module-exports',
      severity: 'error',
      comment:
        'A feature reaches another only through what that module exports from its index.ts (its public surface).',
      from: { path: '^server/src/(auth|workspaces|permissions|audit|health)/' },
      to: {
        path: '^server/src/(auth|workspaces|permissions|audit|health)/',
        pathNot: ['^server/src/$1/', '^server/src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'design-system-is-standalone',
      severity: 'error',
      from: { path: '^design-system/' },
      to: { path: '^(admin-web|server|migrations)/' },
    },
    {
      name: 'admin-web-reaches-server-only-through-api-types',
      severity: 'error',
      from: { path: '^admin-web/' },
      to: { path: '^(server|migrations)/' },
    },
    {
      name: 'migrations-do-not-import-the-app',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^(server|design-system|admin-web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|storybook-static|\\.data)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
