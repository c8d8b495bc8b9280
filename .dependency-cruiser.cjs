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
      name: 'audit-imports-no-other-feature',
      severity: 'error',
      comment: 'Every feature records audit events through audit, so audit cannot depend on any of them.',
      from: { path: '^server/src/audit/' },
      to: { path: '^server/src/(auth|workspaces|permissions|health)/' },
    },
    {
      name: 'auth-imports-neither-workspaces-nor-permissions',
      severity: 'error',
      comment: 'Permissions and workspaces build on who is signed in; auth knows nothing of either.',
      from: { path: '^server/src/auth/' },
      to: { path: '^server/src/(workspaces|permissions)/' },
    },
    {
      name: 'permissions-does-not-import-workspaces',
      severity: 'error',
      comment: 'Workspaces declare and check permissions; the access check does not reach into workspaces.',
      from: { path: '^server/src/permissions/' },
      to: { path: '^server/src/workspaces/' },
    },
    {
      name: 'health-imports-no-feature',
      severity: 'error',
      comment: 'Probes must answer whatever state the features are in: health builds on core only.',
      from: { path: '^server/src/health/' },
      to: { path: '^server/src/(auth|workspaces|permissions|audit)/' },
    },
    {
      name: 'design-system-is-standalone',
      severity: 'error',
      comment: 'The UI library imports nothing from the app packages, by path or by package name.',
      from: { path: '^design-system/' },
      to: { path: ['^(admin-web|server|migrations)/', '^@bastion/(admin-web|server|migrations)(/|$)'] },
    },
    {
      name: 'admin-web-reaches-server-only-through-api-types',
      severity: 'error',
      from: { path: '^admin-web/' },
      to: { path: ['^(server|migrations)/', '^@bastion/(server|migrations)(/|$)'] },
    },
    {
      name: 'migrations-do-not-import-the-app',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: ['^(server|design-system|admin-web)/', '^@bastion/(server|design-system|admin-web)(/|$)'] },
    },
  ],
  options: {
    // Built output is a dependency like any other (a package's main points into its dist/), so it is kept
    // as the target of an import, which the rules above then judge; only its own imports are not followed.
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    exclude: { path: '(node_modules|storybook-static|\\.data|^(design-system|admin-web)/dist/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
