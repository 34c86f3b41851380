export * from './check-port-free.mjs';
export * from './dev-secrets.mjs';
export * from './run-command.mjs';
export * from './stack-apps.mjs';
export * from './stack-env.mjs';
export * from './start-stack.mjs';
export * from './wait-for-http.mjs';
export * from './workspace-root.mjs';
