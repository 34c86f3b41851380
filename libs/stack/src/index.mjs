export { checkPortFree } from './check-port-free.mjs';
export { ensureDevSecrets } from './dev-secrets.mjs';
export { runCommand } from './run-command.mjs';
export { portOf, stackApps } from './stack-apps.mjs';
export { stackEnv, stackUrls } from './stack-env.mjs';
export { startStack } from './start-stack.mjs';
export { waitForHttp } from './wait-for-http.mjs';
export { workspaceRoot } from './workspace-root.mjs';
