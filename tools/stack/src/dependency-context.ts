import type { GivenUrls } from './stack-config';
import type { Teardown } from './teardown';

export interface UsualUrls {
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
}

/** Where each dependency is looked for when no URL is given: the usual local ports. */
export const USUAL_URLS: UsualUrls = {
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  natsUrl: 'nats://127.0.0.1:4222',
  redisUrl: 'redis://127.0.0.1:6379',
};

/** What resolving PostgreSQL, NATS and Redis needs to know, and where it records what it started. */
export interface DependencyContext {
  given: GivenUrls;
  usual: UsualUrls;
  /** The PATH searched for nats-server and redis-server. */
  searchPath: string;
  /** Where servers started here keep their files. */
  stateDir: string;
  /** Receives a stop for every server started here. */
  teardown: Teardown;
  report: (line: string) => void;
}
