import { generatedNotice, hashComment } from '../generated-notice';
import { hasDatabase, networkGraphqlUrl, subgraphUrlVariable, type Need, type Registry, type Service } from '../registry';

/** How a service reaches what it needs inside Compose: the container, the variable naming it, its volume. */
const infrastructure: Record<Need, { container: string; variable: string; url: string; volume?: string; definition: string }> = {
  database: {
    container: 'postgres',
    variable: 'DATABASE_URL',
    url: 'postgres://postgres@postgres:5432/rekindle',
    volume: 'postgres-data',
    definition: `  postgres:
    image: postgres:16
    # The default 128 MB of shared_buffers makes backends write out evicted pages themselves under
    # ingestion (docs/operations.md).
    command: ["postgres", "-c", "shared_buffers=1GB"]
    environment:
      # Local development only: no password at all (trust), so the repository holds no secret.
      # Kubernetes reads DATABASE_URL from a Secret the platform team creates.
      POSTGRES_HOST_AUTH_METHOD: trust
      POSTGRES_DB: rekindle
    ports: ["127.0.0.1:5432:5432"]
    volumes: [postgres-data:/var/lib/postgresql/data]
    healthcheck:
      test: ["CMD", "pg_isready", "-U", "postgres", "-d", "rekindle"]
      interval: 5s
      timeout: 3s
      retries: 10`,
  },
  bus: {
    container: 'nats',
    variable: 'NATS_URL',
    url: 'nats://nats:4222',
    volume: 'nats-data',
    definition: `  nats:
    # The alpine variant, because the scratch image has no shell or wget for a healthcheck.
    image: nats:2.10-alpine
    command: ["-js", "-sd", "/data", "-m", "8222"]
    ports: ["127.0.0.1:4222:4222", "127.0.0.1:8222:8222"]
    volumes: [nats-data:/data]
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost:8222/healthz"]
      interval: 5s
      timeout: 3s
      retries: 10`,
  },
  cache: {
    container: 'redis',
    variable: 'REDIS_URL',
    url: 'redis://redis:6379',
    definition: `  redis:
    image: redis:7
    ports: ["127.0.0.1:6379:6379"]
    healthcheck:
      test: ["CMD", "redis-cli", "ping"]
      interval: 5s
      timeout: 3s
      retries: 10`,
  },
};

const HEADER = `# The whole stack on one machine: \`docker compose up --build\`, then http://localhost:4000/graphql.
# Published ports bind to 127.0.0.1 only: the database below accepts anyone who can reach it.
${generatedNotice(hashComment)}

x-app-build: &app-build
  context: .
  dockerfile: tools/docker/app.Dockerfile

x-app-healthcheck: &app-healthcheck
  test: ["CMD", "node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
  interval: 10s
  timeout: 3s
  start_period: 20s
  retries: 5`;

const healthy = (name: string) => `      ${name}: { condition: service_healthy }`;

/** Whatever its needs give a service (and its migration): the infrastructure URLs, then LOG_LEVEL. */
const sharedEnvironment = (service: Service) => [
  ...service.needs.map((need) => `      ${infrastructure[need].variable}: ${infrastructure[need].url}`),
  '      LOG_LEVEL: info',
];

/** A subgraph with a database: `<name>-migrate` first, sharing the build and environment through anchors. */
function migratedService(service: Service): string[] {
  const { name, port } = service;
  return [
    `  ${name}-migrate:`,
    `    image: rekindle/${name}:local`,
    `    build: &${name}-build`,
    '      <<: *app-build',
    `      args: { APP: ${name}, PORT: ${port} }`,
    `    command: ["node", "dist/apps/${name}/migrate.js"]`,
    `    environment: &${name}-env`,
    ...sharedEnvironment(service),
    '    depends_on:',
    healthy(infrastructure.database.container),
    '',
    `  ${name}:`,
    `    image: rekindle/${name}:local`,
    `    build: *${name}-build`,
    '    environment:',
    `      <<: *${name}-env`,
    `      PORT: ${port}`,
  ];
}

function plainService(service: Service): string[] {
  const { name, port } = service;
  return [
    `  ${name}:`,
    `    image: rekindle/${name}:local`,
    '    build:',
    '      <<: *app-build',
    `      args: { APP: ${name}, PORT: ${port} }`,
    '    environment:',
    ...sharedEnvironment(service),
    `      PORT: ${port}`,
  ];
}

/** One app: its build, environment, published port, healthcheck and what it waits for. */
function appService(service: Service, registry: Registry): string {
  const isGateway = service.kind === 'gateway';
  const subgraphUrls = isGateway ? registry.subgraphs.map((s) => `      ${subgraphUrlVariable(s.name)}: ${networkGraphqlUrl(s)}`) : [];
  const dependencies = [
    ...service.needs.map((need) => healthy(infrastructure[need].container)),
    ...(hasDatabase(service) ? [`      ${service.name}-migrate: { condition: service_completed_successfully }`] : []),
    ...(isGateway ? registry.subgraphs.map((s) => healthy(s.name)) : []),
  ];
  return [
    ...(hasDatabase(service) ? migratedService(service) : plainService(service)),
    ...subgraphUrls,
    `    ports: ["127.0.0.1:${service.port}:${service.port}"]`,
    '    healthcheck: *app-healthcheck',
    ...(dependencies.length > 0 ? ['    depends_on:', ...dependencies] : []),
  ].join('\n');
}

/** docker-compose.yml: the infrastructure the services need, every subgraph (after its migration), then the gateway. */
export function renderDockerCompose(registry: Registry): string {
  const needed = (Object.keys(infrastructure) as Need[]).filter((need) => registry.services.some((s) => s.needs.includes(need)));
  const volumes = needed.flatMap((need) => infrastructure[need].volume ?? []);
  const apps = [...registry.subgraphs, registry.gateway];
  const sections = [
    HEADER,
    ['services:', needed.map((need) => infrastructure[need].definition).join('\n\n')].join('\n'),
    ...apps.map((service) => appService(service, registry)),
    ...(volumes.length > 0 ? [['volumes:', ...volumes.map((volume) => `  ${volume}:`)].join('\n')] : []),
  ];
  return `${sections.join('\n\n')}\n`;
}
