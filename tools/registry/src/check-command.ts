/**
 * Runs a command of the `<cli> [--check]` kind (sync, compose, codegen): `main` gets whether
 * `--check` was given and returns the exit code; an error is printed as its message, exit code 1.
 */
export function runCheckCommand(main: (check: boolean) => number | Promise<number>): void {
  const fail = (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  };
  try {
    Promise.resolve(main(process.argv.includes('--check'))).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}
