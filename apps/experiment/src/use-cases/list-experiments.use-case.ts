import { decodeCursor, pageSize, toConnection, type Connection, type PageArgs } from '@rekindle/util';
import type { ExperimentStatus } from '@rekindle/experiment-core';
import type { DataSource } from '@rekindle/platform-database';
import type { ExperimentModel } from '../data/experiment.model';
import type { ExperimentRepository } from '../data/experiment.repository';

export type ExperimentConnectionModel = Connection<ExperimentModel>;

/** Experiments newest first, keyset-paginated, optionally of one status. */
export class ListExperimentsUseCase {
  constructor(private readonly deps: { dataSource: DataSource; experiments: ExperimentRepository }) {}

  async execute(args: PageArgs & { status?: ExperimentStatus | null }): Promise<ExperimentConnectionModel> {
    const size = pageSize(args.first);
    let after: { createdAt: string; id: string } | undefined;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      after = { createdAt, id };
    }
    const rows = await this.deps.experiments.page(this.deps.dataSource.manager, {
      size,
      ...(args.status ? { status: args.status } : {}),
      ...(after ? { after } : {}),
    });
    return toConnection(rows, size, (e) => [e.createdAt.toISOString(), e.id]);
  }
}
