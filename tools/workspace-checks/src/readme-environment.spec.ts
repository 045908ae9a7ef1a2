import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvSchema, registry, WORKSPACE_ROOT } from '@rekindle/tools-registry';
import { readmeVariables } from './readme-variables';

describe("the README's environment tables", () => {
  const documented = readmeVariables(readFileSync(join(WORKSPACE_ROOT, 'README.md'), 'utf8'));

  it.each(registry.services.map((service) => service.name))('document every variable the %s config reads', (app) => {
    expect(Object.keys(loadEnvSchema(app).shape).filter((variable) => !documented.covers(variable))).toEqual([]);
  });
});
