import { formatSummary } from './format-summary';
import { ImportConfigError, parseImportArgs, USAGE } from './import-config';
import { importOnlineRetail } from './import-online-retail';

/**
 * `npx tsx tools/import-online-retail/src/import-cli.ts [--file <path>] [--url <graphql url>] [--limit <rows>]`
 * Progress on stderr, the summary on stdout; exits 1 when an event was rejected or a call failed
 * after its retries, 2 on bad arguments.
 */
async function main(argv: readonly string[]): Promise<number> {
  let command: ReturnType<typeof parseImportArgs>;
  try {
    command = parseImportArgs(argv);
  } catch (error) {
    if (!(error instanceof ImportConfigError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const summary = await importOnlineRetail(command.options, { log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(`${formatSummary(summary)}\n`);
  return summary.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
