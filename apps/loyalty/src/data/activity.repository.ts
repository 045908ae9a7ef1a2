import type { EntityManager } from '@rekindle/platform-database';
import type { Month } from '@rekindle/loyalty-core';

/** Active months (from activity.recorded) and growth value per month (from orders and their reversals). */
export class ActivityRepository {
  async addActiveMonth(manager: EntityManager, customerId: string, month: Month): Promise<void> {
    await manager.query('INSERT INTO loyalty_active_month (customer_id, month) VALUES ($1, $2) ON CONFLICT DO NOTHING', [customerId, month]);
  }

  /** Adds `growth` (negative for a reversal) to the month of the order. */
  async addGrowth(manager: EntityManager, customerId: string, month: Month, growth: number): Promise<void> {
    if (growth === 0) return;
    await manager.query(
      `INSERT INTO loyalty_growth_month AS g (customer_id, month, growth) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id, month) DO UPDATE SET growth = g.growth + excluded.growth`,
      [customerId, month, growth],
    );
  }

  async activeMonthsOf(manager: EntityManager, customerIds: readonly string[]): Promise<Map<string, Set<Month>>> {
    const rows: { customer_id: string; month: string }[] = await manager.query(
      'SELECT customer_id, month FROM loyalty_active_month WHERE customer_id = ANY($1::uuid[])',
      [customerIds],
    );
    const byCustomer = new Map<string, Set<Month>>();
    for (const row of rows) {
      const months = byCustomer.get(row.customer_id) ?? new Set<Month>();
      months.add(row.month);
      byCustomer.set(row.customer_id, months);
    }
    return byCustomer;
  }

  async growthOf(manager: EntityManager, customerIds: readonly string[]): Promise<Map<string, Map<Month, number>>> {
    const rows: { customer_id: string; month: string; growth: string }[] = await manager.query(
      'SELECT customer_id, month, growth FROM loyalty_growth_month WHERE customer_id = ANY($1::uuid[])',
      [customerIds],
    );
    const byCustomer = new Map<string, Map<Month, number>>();
    for (const row of rows) {
      const months = byCustomer.get(row.customer_id) ?? new Map<Month, number>();
      months.set(row.month, Number(row.growth));
      byCustomer.set(row.customer_id, months);
    }
    return byCustomer;
  }
}
