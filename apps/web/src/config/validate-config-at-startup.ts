/** Loads the config module (which validates the environment) and stops the process if it is invalid. */
export async function validateConfigAtStartup(): Promise<void> {
  try {
    await import('./config');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
