// A stand-in app for the supervisor's tests: listens on PORT (after START_DELAY_MS), answers every
// request with 200, logs one JSON line and one plain line, and starts a helper in a session of its
// own listening on HELPER_PORT — the kind of process a process-group kill misses.
// IGNORE_SIGTERM=1 makes it a stubborn app that only SIGKILL stops; DAEMONIZE_HELPER=1 starts the
// helper the way daemons do, out of the process tree.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
const helperPort = Number(process.env.HELPER_PORT);
if (process.env.IGNORE_SIGTERM === '1') process.on('SIGTERM', () => undefined);

const helperCode = `require('node:http').createServer((q, s) => s.end('helper')).listen(${helperPort})`;
if (helperPort && process.env.DAEMONIZE_HELPER === '1') {
  // Started through an intermediate that exits at once: the helper is re-parented to init
  // within milliseconds and is never in this app's process tree.
  const daemonize = `require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(helperCode)}], { detached: true, stdio: 'ignore' }).unref()`;
  spawn(process.execPath, ['-e', daemonize], { detached: true, stdio: 'ignore' }).unref();
} else if (helperPort) {
  spawn(process.execPath, ['-e', helperCode], { detached: true, stdio: 'ignore' }).unref();
}

setTimeout(
  () => {
    createServer((request, response) => {
      if (request.url === '/exit') {
        response.end('bye');
        console.error('exiting on request');
        setTimeout(() => process.exit(3), 20);
        return;
      }
      response.end('ok');
    }).listen(port, () => {
      process.stdout.write(
        `${JSON.stringify({ level: 30, time: Date.now(), msg: 'listening', port })}\n`,
      );
      process.stdout.write(`plain line from ${process.env.APP_NAME}\n`);
    });
  },
  Number(process.env.START_DELAY_MS ?? 0),
);
