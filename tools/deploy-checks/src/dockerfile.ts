export interface DockerfileSummary {
  /** Number of FROM instructions. */
  stages: number;
  /** The last USER of the final stage, which the container runs as; undefined means root. */
  runtimeUser: string | undefined;
  /** Names declared with ARG anywhere in the file. */
  args: string[];
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

  const summary: DockerfileSummary = { stages: 0, runtimeUser: undefined, args: [] };
  for (const { keyword, argument } of instructions) {
    if (keyword === 'FROM') {
      summary.stages += 1;
      summary.runtimeUser = undefined;
    } else if (keyword === 'USER') {
      summary.runtimeUser = argument;
    } else if (keyword === 'ARG') {
      summary.args.push(argument.split('=')[0] ?? argument);
    }
  }
  return summary;
}

/** Whether a USER argument (`name`, `uid`, `name:group`) names someone other than root. */
export function isNonRootUser(user: string | undefined): boolean {
  const name = user?.split(':')[0]?.trim();
  return name !== undefined && name !== '' && name !== 'root' && name !== '0';
}
