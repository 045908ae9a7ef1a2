import { Teardown } from './teardown';

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export interface Cli {
  teardown: Teardown;
  print: (line: string) => void;
  /** Settles when a signal asks the command to stop; the teardown is then already under way. */
  stopRequested: Promise<void>;
}

/**
 * Runs a command-line entry point: whatever main registers in the teardown is stopped when main
 * ends, when it fails, and on SIGINT/SIGTERM; then the process exits with main's code (1 on an
 * error, 128+n on a signal). A second signal exits at once, killing whatever is still running.
 *
 * Entry points run as `node --import tsx <file>`, not `tsx <file>`: the tsx command relays the
 * terminal's Ctrl-C to a child that already got it, and that second SIGINT would force the exit.
 */
export function runCli(main: (cli: Cli) => Promise<number>): void {
  const print = (line: string) => console.log(line);
  const teardown = new Teardown(print);
  let finishing = false;
  let requestStop!: () => void;
  const stopRequested = new Promise<void>((resolve) => (requestStop = resolve));

  const finish = async (code: number, error?: unknown) => {
    if (finishing) return;
    finishing = true;
    if (error !== undefined) console.error(error instanceof Error ? error.message : String(error));
    await teardown.run();
    process.exit(code);
  };

  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      if (finishing) process.exit(code);
      print(`${signal}: stopping (again to force)`);
      requestStop();
      void finish(code);
    });
  }

  main({ teardown, print, stopRequested }).then(
    (code) => finish(code),
    (error: unknown) => finish(1, error),
  );
}
