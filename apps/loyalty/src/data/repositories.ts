import { AccountRepository } from './account.repository';
import { ActivityRepository } from './activity.repository';
import { LedgerRepository } from './ledger.repository';
import { OrderRepository } from './order.repository';
import { ProgramRepository } from './program.repository';
import { TierChangeRepository } from './tier-change.repository';

/** The service's data access, stateless: built once and shared by every use case. */
export interface LoyaltyRepositories {
  accounts: AccountRepository;
  activity: ActivityRepository;
  ledger: LedgerRepository;
  orders: OrderRepository;
  programs: ProgramRepository;
  tierChanges: TierChangeRepository;
}

export const createRepositories = (): LoyaltyRepositories => ({
  accounts: new AccountRepository(),
  activity: new ActivityRepository(),
  ledger: new LedgerRepository(),
  orders: new OrderRepository(),
  programs: new ProgramRepository(),
  tierChanges: new TierChangeRepository(),
});
