// The frame of every database command line (db:migrate, db:reset, db:seed, provider:rotate-keys…):
// `--help` prints the usage, bad arguments print the usage, and failures print one plain
// sentence with the fix — a stack trace only for errors nobody anticipated.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { explainDatabaseError } from '../explain-database-error.js';
import { DatabaseUrlError, resolveDatabaseUrl } from '../resolve-database-url.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What one command line is: its usage text, its options, and what it does. */
export interface CliDefinition<O extends Options> {
  /** Printed for `--help` (exit 0) and after a usage error (exit 2). */
  readonly usage: string;
  readonly options?: O;
  readonly allowPositionals?: boolean;
  /** The DATABASE_URL the command works on, to explain connection errors (unset: SQLite). */
  readonly databaseUrl?: () => string | undefined;
  readonly run: (args: {
    values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: boolean }>>['values'];
    positionals: string[];
  }) => Promise<void>;
}

/** Thrown by a command for a wrong invocation: printed with the usage, exit code 2. */
export class CliUsageError extends Error {
  readonly code = 'ERR_CLI_USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** Errors of ours carry a stable code and a message written for people: print just that. */
function isExplainedError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false;
  const code = (error as unknown as { code?: unknown }).code;
  // ERR_*/PROVIDER_CONFIG_INVALID style codes are ours; ECONNRESET-style ones are the system's.
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code) && !/^E[A-Z]+$/.test(code);
}

/**
 * Runs a command line and exits the process: 0 on success, 1 on failure, 2 on a usage error.
 *
 * @example
 * await runCli({
 *   usage: 'Usage: npm run db:migrate',
 *   databaseUrl: () => process.env.DATABASE_URL,
 *   run: async () => console.log(await migrateDatabase(process.env.DATABASE_URL)),
 * });
 */
export async function runCli<O extends Options>(definition: CliDefinition<O>): Promise<never> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { ...definition.options, help: { type: 'boolean', short: 'h' } } as unknown as O,
      allowPositionals: definition.allowPositionals ?? false,
    });
  } catch (error) {
    console.error(
      `${error instanceof Error ? error.message : String(error)}\n\n${definition.usage}`,
    );
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(definition.usage);
    process.exit(0);
  }
  try {
    await definition.run({ values: parsed.values, positionals: parsed.positionals });
    // The schema engine (WebAssembly) keeps a handle open after it is freed.
    process.exit(0);
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`${error.message}\n\n${definition.usage}`);
      process.exit(2);
    }
    let explained: Error | undefined;
    if (error instanceof DatabaseUrlError) explained = error;
    else {
      try {
        explained = explainDatabaseError(error, resolveDatabaseUrl(definition.databaseUrl?.()));
      } catch (urlError) {
        explained = urlError instanceof DatabaseUrlError ? urlError : undefined;
      }
    }
    if (!explained && isExplainedError(error)) explained = error;
    if (explained) console.error(`✖ ${explained.message}`);
    else console.error('✖ unexpected error:', error);
    process.exit(1);
  }
}
