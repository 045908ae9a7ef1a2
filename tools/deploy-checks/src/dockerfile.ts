export interface DockerfileSummary {
  /** Number of FROM instructions. */
  stages: number;
  /** The last USER of the final stage, which the container runs as; undefined means root. */
  runtimeUser: string | undefined;
  /** Names declared with ARG anywhere in the file. */
  args: string[];
  /** The variables ENV sets in the final stage: what the container's processes start with. */
  runtimeEnv: Record<string, string>;
}

/** Reads the instructions of a Dockerfile that the deployment checks care about. */
export function summariseDockerfile(text: string): DockerfileSummary {
  const instructions = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), argument: rest.join(' ') };
    });

  const summary: DockerfileSummary = { stages: 0, runtimeUser: undefined, args: [], runtimeEnv: {} };
  for (const { keyword, argument } of instructions) {
    if (keyword === 'FROM') {
      summary.stages += 1;
      summary.runtimeUser = undefined;
      summary.runtimeEnv = {};
    } else if (keyword === 'ENV') {
      Object.assign(summary.runtimeEnv, parseEnv(argument));
    } else if (keyword === 'USER') {
      summary.runtimeUser = argument;
    } else if (keyword === 'ARG') {
      summary.args.push(argument.split('=')[0] ?? argument);
    }
  }
  return summary;
}

/** `A=1 B="two words"`, or the legacy `A value` form. */
function parseEnv(argument: string): Record<string, string> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(argument)) {
    const [name = '', ...value] = argument.split(/\s+/);
    return { [name]: value.join(' ') };
  }
  const pairs = argument.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|(\S*))/g);
  return Object.fromEntries([...pairs].map(([, name, quoted, bare]) => [name as string, quoted ?? bare ?? '']));
}

/** Whether a USER argument (`name`, `uid`, `name:group`) names someone other than root. */
export function isNonRootUser(user: string | undefined): boolean {
  const name = user?.split(':')[0]?.trim();
  return name !== undefined && name !== '' && name !== 'root' && name !== '0';
}
