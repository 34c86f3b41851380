// While `npm start` runs in a terminal, single keys act on the stack: 1–4 restart an app, s prints
// the status, q or Ctrl-C (raw mode turns it into a key, not a signal) stops everything.

/**
 * @typedef {{ isTTY?: boolean, setRawMode: (raw: boolean) => unknown, setEncoding: (encoding: BufferEncoding) => unknown, resume: () => unknown, on: (event: 'data', listener: (key: string) => void) => unknown }} Keyboard
 */

/**
 * Listens to single key presses on a terminal; does nothing when `keyboard` is not a TTY.
 *
 * @param {Keyboard | undefined} keyboard
 * @param {readonly string[]} names the apps, in key order (key 1 is the first)
 * @param {{ restart: (name: string) => void, status: () => void, quit: () => void }} actions
 * @returns {boolean} whether keys are listened to
 * @example
 * listenToKeys(process.stdin, ['provider', 'api'], { restart, status, quit });
 */
export function listenToKeys(keyboard, names, actions) {
  if (!keyboard?.isTTY) return false;
  keyboard.setRawMode(true);
  keyboard.setEncoding('utf8');
  keyboard.resume();
  keyboard.on('data', (key) => {
    if (key === '\u0003' || key === 'q') actions.quit();
    else if (key === 's') actions.status();
    else {
      const name = names[Number(key) - 1];
      if (name) actions.restart(name);
    }
  });
  return true;
}
