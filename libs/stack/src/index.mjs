export { checkPortFree } from './check-port-free.mjs';
export { ensureDevSecrets } from './dev-secrets.mjs';
export { runCommand } from './run-command.mjs';
export { appSpecOf, portOf, stackApps } from './stack-apps.mjs';
export { buildEnv, stackEnv, stackUrls } from './stack-env.mjs';
export { startStack } from './start-stack.mjs';
export { waitForHttp } from './wait-for-http.mjs';
export { workspaceRoot } from './workspace-root.mjs';
export { controlSocketPath, sendControlRequest, serveControlSocket } from './control-socket.mjs';
export { prettyLogLine, toLogRecord } from './format-log-line.mjs';
export { runStack } from './run-stack.mjs';
export {
  createSupervisor,
  describeExit,
  StackStoppingError,
  StepFailedError,
} from './supervisor.mjs';
