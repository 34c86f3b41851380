// Metro for an npm-workspaces monorepo. Expo (SDK 52+) detects the workspace and sets watchFolders
// and nodeModulesPaths itself; this file only adds what this repo needs on top:
// 1. the `@oauth-ref/source` export condition, so workspace libs are bundled from their TypeScript
//    source (no prior build of libs/* needed);
// 2. NodeNext-style relative imports (`./x.js` naming `./x.ts`), which Metro does not map itself;
// 3. one copy of React: the root node_modules may hold a different React (hoisted for another
//    workspace), and two Reacts in one bundle break hooks. The app's own React 19.2.3 always wins.
/* eslint-disable @typescript-eslint/no-require-imports -- Metro loads its config as CommonJS */
const path = require('node:path');
const { getDefaultConfig } = require('expo/metro-config');

const projectRoot = __dirname;
const config = getDefaultConfig(projectRoot);

config.resolver.unstable_conditionNames = [
  '@oauth-ref/source',
  ...(config.resolver.unstable_conditionNames ?? ['require', 'import']),
];

const singletons = ['react', 'react-dom'];
const resolveFromApp = (name) =>
  path.dirname(require.resolve(`${name}/package.json`, { paths: [projectRoot] }));
const singletonRoots = Object.fromEntries(singletons.map((name) => [name, resolveFromApp(name)]));

const upstreamResolveRequest = config.resolver.resolveRequest;
config.resolver.resolveRequest = (context, moduleName, platform) => {
  const resolve = upstreamResolveRequest ?? context.resolveRequest;
  const [first] = moduleName.split('/');
  if (first !== undefined && singletonRoots[first] && !moduleName.startsWith('.')) {
    // Resolve as if imported from the app itself, whoever imports it.
    return resolve(
      { ...context, originModulePath: path.join(projectRoot, 'package.json') },
      moduleName,
      platform,
    );
  }
  if (moduleName.startsWith('.') && moduleName.endsWith('.js')) {
    try {
      return resolve(context, moduleName, platform);
    } catch {
      return resolve(context, moduleName.slice(0, -3), platform);
    }
  }
  return resolve(context, moduleName, platform);
};

module.exports = config;
