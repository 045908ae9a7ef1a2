import type { Registry } from '../registry';

/** The README's table of what runs: process, port, what it is. */
export function renderServicesTable(registry: Registry): string {
  return [
    '| process | port | what it is |',
    '|---|---|---|',
    ...registry.services.map((s) => `| ${s.name} | ${s.port} | ${s.description.replaceAll('|', '\\|')} |`),
  ].join('\n');
}
