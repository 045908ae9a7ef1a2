import type { ImportEventInput } from './build-events';
import type { CustomerSeen } from './group-invoices';
import type { GraphQLCaller } from './graphql-caller';

export interface UpsertCustomersResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface RejectedEvent {
  index: number;
  code: string;
  field: string;
  message: string;
}

export interface RecordEventsResult {
  accepted: number;
  duplicates: number;
  customersCreated: number;
  rejected: RejectedEvent[];
}

export interface RecomputeProfilesResult {
  customersScored: number;
  rfmChanged: number;
  lifecycleChanged: number;
  tookMs: number;
}

export interface DormancyOverview {
  totalCustomers: number;
  byStage: { stage: string; customers: number }[];
  silentShare: number;
  byRfmSegment: { segment: string; customers: number }[];
  unscored: number;
}

// `results` is left out of the selection: 10,000 customers with their ids would only be thrown away.
const UPSERT_CUSTOMERS = `mutation ImportUpsertCustomers($input: UpsertCustomersInput!) {
  upsertCustomers(input: $input) { created updated unchanged }
}`;

const RECORD_EVENTS = `mutation ImportRecordEvents($input: RecordEventsInput!) {
  recordEvents(input: $input) { accepted duplicates customersCreated rejected { index code field message } }
}`;

const RECOMPUTE_PROFILES = `mutation ImportRecomputeProfiles {
  recomputeProfiles { customersScored rfmChanged lifecycleChanged tookMs }
}`;

const DORMANCY_OVERVIEW = `query ImportDormancyOverview {
  dormancyOverview { totalCustomers silentShare unscored byStage { stage customers } byRfmSegment { segment customers } }
}`;

/** The partner operations of the profile subgraph the importer uses, reached through `call`. */
export class ProfileApi {
  constructor(private readonly call: GraphQLCaller) {}

  async upsertCustomers(customers: readonly CustomerSeen[]): Promise<UpsertCustomersResult> {
    const data = await this.call<{ upsertCustomers: UpsertCustomersResult }>('upsertCustomers', UPSERT_CUSTOMERS, { input: { customers } });
    return data.upsertCustomers;
  }

  async recordEvents(events: readonly ImportEventInput[]): Promise<RecordEventsResult> {
    const data = await this.call<{ recordEvents: RecordEventsResult }>('recordEvents', RECORD_EVENTS, { input: { events } });
    return data.recordEvents;
  }

  async recomputeProfiles(): Promise<RecomputeProfilesResult> {
    const data = await this.call<{ recomputeProfiles: RecomputeProfilesResult }>('recomputeProfiles', RECOMPUTE_PROFILES);
    return data.recomputeProfiles;
  }

  async dormancyOverview(): Promise<DormancyOverview> {
    const data = await this.call<{ dormancyOverview: DormancyOverview }>('dormancyOverview', DORMANCY_OVERVIEW);
    return data.dormancyOverview;
  }
}
