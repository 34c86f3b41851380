// A stand-in app for the supervisor's tests: listens on PORT (after START_DELAY_MS), answers every
// request with 200, logs one JSON line and one plain line, and starts a helper in a session of its
// own listening on HELPER_PORT — the kind of process a process-group kill misses.
// IGNORE_SIGTERM=1 makes it a stubborn app that only SIGKILL stops.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
const helperPort = Number(process.env.HELPER_PORT);
if (process.env.IGNORE_SIGTERM === '1') process.on('SIGTERM', () => undefined);

if (helperPort) {
  spawn(
    process.execPath,
    ['-e', `require('node:http').createServer((q, s) => s.end('helper')).listen(${helperPort})`],
    { detached: true, stdio: 'ignore' },
  ).unref();
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
