/** A variable a README table documents: a name, or a family like `SUBGRAPH_URL_<NAME>` with the names its row lists. */
interface Documented {
  covers(variable: string): boolean;
}

const backticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1] as string);
const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((cell) => cell.trim());

function documented(row: string): Documented[] {
  const [first = '', ...rest] = cells(row);
  return backticked(first).map((name) => {
    const family = /^([A-Z0-9_]*)<[A-Z]+>([A-Z0-9_]*)$/.exec(name);
    if (!family) return { covers: (variable) => variable === name };
    // `SUBGRAPH_URL_<NAME>`: each member's part must be listed in the row, e.g. (`PROFILE`, `LOYALTY`).
    const [, prefix = '', suffix = ''] = family;
    const listed = new Set(rest.flatMap(backticked));
    return {
      covers: (variable) =>
        variable.startsWith(prefix) && variable.endsWith(suffix) && listed.has(variable.slice(prefix.length, variable.length - suffix.length)),
    };
  });
}

/**
 * What the README's environment tables document: every table whose first header is `variable`,
 * whose first column names the variables in backticks.
 */
export function readmeVariables(readme: string): { covers(variable: string): boolean } {
  const entries: Documented[] = [];
  let inTable = false;
  for (const line of readme.split('\n')) {
    if (!line.trimStart().startsWith('|')) inTable = false;
    else if (!inTable) inTable = cells(line)[0] === 'variable';
    else if (!/^\|\s*-/.test(line.trim())) entries.push(...documented(line));
  }
  return { covers: (variable) => entries.some((entry) => entry.covers(variable)) };
}
