// db:reset deletes every row — notes included — so it asks first: a person at a terminal types
// "yes", a script passes --yes, and anything else (no terminal, no flag) is refused.
import { createInterface } from 'node:readline/promises';
import { CliUsageError } from './run-cli.js';

/** Where the question is asked, and whether a person can answer it. */
export interface ConfirmContext {
  readonly yes: boolean;
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly output: NodeJS.WritableStream;
}

/**
 * Resolves `true` when the reset may go ahead, `false` when the person declined; throws a usage
 * error when nobody can be asked and --yes was not given.
 *
 * @example
 * if (!(await confirmReset('file:.data/oauth-ref.db', { yes: false, input: process.stdin, output: process.stdout }))) process.exit(1);
 */
export async function confirmReset(target: string, context: ConfirmContext): Promise<boolean> {
  if (context.yes) return true;
  if (!context.input.isTTY) {
    throw new CliUsageError(
      `refusing to reset ${target} without confirmation: no terminal to ask on. Pass --yes (npm run db:reset -- --yes) to reset from a script.`,
    );
  }
  const prompt = createInterface({ input: context.input, output: context.output });
  try {
    const answer = await prompt.question(
      `This deletes every table and row of ${target} (users, clients, keys, notes) and seeds the demo data again.\nType "yes" to continue: `,
    );
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
  }
}
