// One log format for the four apps. The provider and the API write JSON lines (pino, or pino-style),
// Next.js and the mobile web server write plain text. Every line becomes one pino-style record
// `{ level, time, app, msg, … }` (for the log files) and one pretty terminal line that starts with
// the app name: `provider │ 12:04:05 INFO  listening port=4000`.

/** pino's numeric levels. */
const levelNumbers = Object.freeze({
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
});
const levelNames = /** @type {Array<[number, string]>} */ (
  Object.entries(levelNumbers).map(([name, n]) => [n, name])
);

/**
 * @typedef {{ level: number, time: number, app: string, msg: string, [key: string]: unknown }} LogRecord
 */

/**
 * Turns one output line of an app into a pino-style record. JSON lines keep their fields (level
 * names become pino numbers, ISO times become epoch milliseconds); plain lines become `msg`, at
 * `error` or `warn` when they say so and `info` otherwise.
 *
 * @param {string} app
 * @param {string} line
 * @param {'stdout' | 'stderr'} stream
 * @param {number} [now]
 * @returns {LogRecord}
 * @example
 * toLogRecord('api', '{"level":30,"time":1,"msg":"up"}', 'stdout').msg; // 'up'
 * toLogRecord('web', '▲ Next.js 16', 'stdout').level; // 30
 */
export function toLogRecord(app, line, stream, now = Date.now()) {
  // eslint-disable-next-line no-control-regex
  const text = line.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').trimEnd();
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const { level, time, msg, message, app: _ignored, ...rest } = parsed;
        return {
          level: levelOf(level, stream),
          time: timeOf(time, now),
          app,
          msg: String(msg ?? message ?? ''),
          ...rest,
        };
      }
    } catch {
      /* not JSON after all: a plain line */
    }
  }
  return { level: plainLevel(text), time: now, app, msg: text };
}

/**
 * Next.js, Expo and npm write ordinary progress to stderr too, so the stream says little: a plain
 * line is `error` or `warn` when it says so, `info` otherwise.
 *
 * @param {string} text
 */
function plainLevel(text) {
  if (/^\s*(?:[⨯✖×]|error\b|err!)|(?:error|exception)\b|\buncaught\b/i.test(text)) return 50;
  if (/^\s*(?:⚠|warn(?:ing)?\b)|\bwarn(?:ing)?:/i.test(text)) return 40;
  return 30;
}

/**
 * @param {unknown} level
 * @param {'stdout' | 'stderr'} stream
 */
function levelOf(level, stream) {
  if (typeof level === 'number') return level;
  if (typeof level === 'string' && level in levelNumbers)
    return levelNumbers[/** @type {keyof typeof levelNumbers} */ (level)];
  return stream === 'stderr' ? 40 : 30;
}

/**
 * @param {unknown} time
 * @param {number} now
 */
function timeOf(time, now) {
  if (typeof time === 'number') return time;
  if (typeof time === 'string') {
    const parsed = Date.parse(time);
    if (!Number.isNaN(parsed)) return parsed;
  }
  return now;
}

const levelColors = /** @type {Record<string, number>} */ ({
  debug: 90,
  info: 32,
  warn: 33,
  error: 31,
  fatal: 31,
});

/**
 * The terminal line for a record: app name first (padded to `width`), local time, level, message,
 * then the other fields as `key=value` (pino-pretty's layout, on one line).
 *
 * @param {LogRecord} record
 * @param {{ width?: number, color?: number }} [options] `color`: ANSI colour of the app name
 * @returns {string}
 * @example
 * prettyLogLine({ level: 30, time: 0, app: 'api', msg: 'up', port: 3333 }, { width: 8 });
 * // 'api      │ 00:00:00 INFO  up port=3333' (in UTC)
 */
export function prettyLogLine(record, options = {}) {
  const { level, time, app, msg, pid: _pid, hostname: _hostname, ...rest } = record;
  const name = levelNames.reduce((found, [n, label]) => (level >= n ? label : found), 'trace');
  const label = app.padEnd(options.width ?? app.length);
  const clock = new Date(time).toTimeString().slice(0, 8);
  const extras = Object.entries(rest)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const levelText = name.toUpperCase().padEnd(5);
  const color = options.color;
  const head = color ? `\u001b[${color}m${label}\u001b[0m` : label;
  const levelPart =
    color && levelColors[name] ? `\u001b[${levelColors[name]}m${levelText}\u001b[0m` : levelText;
  return `${head} │ ${clock} ${levelPart} ${msg}${extras ? ` ${extras}` : ''}`;
}
