import { readmeVariables } from './readme-variables';

const readme = `
| variable | default | meaning |
|---|---|---|
| \`PORT\` | 4000 | HTTP port |
| \`SUBGRAPH_URL_<NAME>\` | unset | one subgraph's URL (\`PROFILE\`, \`LOYALTY\`) |

| process | port |
|---|---|
| \`NOT_A_VARIABLE\` | 1 |
`;

describe('readmeVariables', () => {
  const documented = readmeVariables(readme);

  it.each(['PORT', 'SUBGRAPH_URL_PROFILE', 'SUBGRAPH_URL_LOYALTY'])('finds %s', (name) => {
    expect(documented.covers(name)).toBe(true);
  });

  it.each(['SUBGRAPH_URL_CAMPAIGN', 'NOT_A_VARIABLE', 'variable', 'LOG_LEVEL'])('does not find %s', (name) => {
    expect(documented.covers(name)).toBe(false);
  });
});
