// npm run stack -- <command> [app]: controls the stack that `npm start` runs in another terminal.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { controlSocketPath, sendControlRequest } from '../control-socket.mjs';
import { workspaceRoot } from '../workspace-root.mjs';

const usage = `Usage: npm run stack -- <command> [app]

Controls the demo started by \`npm start\` (in another terminal).

Commands:
  status            every app, its state and port
  restart <app>     stop the app (if running) and start it again
  start <app>       start an app that stopped or exited
  stop <app>        stop one app; the others keep running
  stop              stop the whole stack (like Ctrl-C in its terminal)

Apps: provider, api, web, mobile

Options:
  --data-dir <dir>  the stack's data folder (default: .data in the workspace)
  -h, --help        this help`;

/** @type {ReturnType<typeof parseArgs>} */
let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, 'data-dir': { type: 'string' } },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  process.exit(2);
}
const [command, app, ...extra] = parsed.positionals;
if (parsed.values.help || !command) {
  console.log(usage);
  process.exit(parsed.values.help ? 0 : 2);
}
if (!['status', 'restart', 'start', 'stop'].includes(command) || extra.length > 0) {
  console.error(`unknown command "${parsed.positionals.join(' ')}"\n\n${usage}`);
  process.exit(2);
}
if ((command === 'restart' || command === 'start') && !app) {
  console.error(`${command} needs an app: provider, api, web or mobile`);
  process.exit(2);
}

const dataDir = String(parsed.values['data-dir'] ?? join(workspaceRoot, '.data'));
const socket = controlSocketPath(dataDir);
try {
  const reply = await sendControlRequest(
    socket,
    /** @type {import('../control-socket.mjs').ControlRequest} */ ({
      command,
      ...(app && { app }),
    }),
  );
  console.log(reply.message);
  for (const entry of reply.status ?? []) {
    console.log(
      `  ${entry.name.padEnd(8)} ${entry.state.padEnd(8)} port ${entry.port}${entry.lastExit ? `  (last exit: ${entry.lastExit})` : ''}`,
    );
  }
  process.exit(reply.ok ? 0 : 1);
} catch (error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  console.error(
    code === 'ENOENT' || code === 'ECONNREFUSED'
      ? 'No stack is running from this folder (start it with `npm start`).'
      : `Could not reach the stack: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
