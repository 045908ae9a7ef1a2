import { z } from 'zod';

/** What a service needs from the platform: PostgreSQL (its own schema and migrations), NATS JetStream, Redis. */
export const NEEDS = ['database', 'bus', 'cache'] as const;
export type Need = (typeof NEEDS)[number];

export type ServiceKind = 'gateway' | 'subgraph';

export interface Service {
  /** The app's folder under apps/, its Nx project, its host name in docker-compose and Kubernetes. */
  name: string;
  /** Its Nx scope tag, `scope:<name>`: its app and core may import only what is theirs or shared. */
  scope: string;
  port: number;
  kind: ServiceKind;
  needs: readonly Need[];
  /** The services whose event streams it reads (DESIGN.md §3: one stream per producing service). */
  consumes: readonly string[];
  /** What it is, in a few words: the README's table of what runs. */
  description: string;
}

export interface Registry {
  /** Every service, in the order of services.json. */
  services: readonly Service[];
  gateway: Service;
  subgraphs: readonly Service[];
}

const entrySchema = z
  .object({
    port: z.number().int().min(1024).max(65535),
    kind: z.enum(['gateway', 'subgraph']),
    needs: z.array(z.enum(NEEDS)).default([]),
    consumes: z.array(z.string()).default([]),
    description: z.string().min(1),
  })
  .strict();

const registrySchema = z
  .record(z.string(), entrySchema)
  .superRefine((entries, context) => {
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    const names = Object.keys(entries);
    for (const name of names.filter((n) => !/^[a-z][a-z0-9-]*$/.test(n))) issue([name], 'a service name is lower-case letters, digits and dashes');
    const gateways = names.filter((name) => entries[name]?.kind === 'gateway');
    if (gateways.length !== 1) issue([], `exactly one service must be the gateway, found ${gateways.length}`);
    const portOwner = new Map<number, string>();
    for (const [name, entry] of Object.entries(entries)) {
      const owner = portOwner.get(entry.port);
      if (owner) issue([name, 'port'], `port ${entry.port} is already ${owner}'s`);
      portOwner.set(entry.port, name);
      if (new Set(entry.needs).size !== entry.needs.length) issue([name, 'needs'], 'lists a need twice');
      entry.consumes.forEach((producer, index) => {
        if (entries[producer]?.kind !== 'subgraph') issue([name, 'consumes', index], `"${producer}" is not a registered subgraph`);
        else if (producer === name) issue([name, 'consumes', index], 'a service does not consume its own stream');
      });
      if (entry.consumes.length > 0 && !entry.needs.includes('bus')) issue([name, 'needs'], 'consumes streams, so it needs "bus"');
    }
  });

/** Validates the registry's JSON (services.json) and gives it the shape the tools use; `source` names it in errors. */
export function parseRegistry(json: unknown, source = 'services.json'): Registry {
  const result = registrySchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${source} is not a valid service registry:\n${issues.join('\n')}`);
  }
  const services: Service[] = Object.entries(result.data).map(([name, entry]) => ({ name, scope: `scope:${name}`, ...entry }));
  return {
    services,
    gateway: services.find((service) => service.kind === 'gateway') as Service,
    subgraphs: services.filter((service) => service.kind === 'subgraph'),
  };
}

export const hasDatabase = (service: Service) => service.needs.includes('database');

/** The variable the gateway reads a subgraph's URL from: SUBGRAPH_URL_PROFILE, SUBGRAPH_URL_LOYALTY_POINTS. */
export const subgraphUrlVariable = (name: string) => `SUBGRAPH_URL_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

/** A service's GraphQL URL where services reach each other by name (docker-compose, Kubernetes). */
export const networkGraphqlUrl = (service: Service) => `http://${service.name}:${service.port}/graphql`;

/** The services whose streams some service consumes, each once, in registry order. */
export const consumedProducers = (registry: Registry): Service[] =>
  registry.services.filter((producer) => registry.services.some((service) => service.consumes.includes(producer.name)));
