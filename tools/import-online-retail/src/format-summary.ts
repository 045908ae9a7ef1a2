import type { ImportSummary } from './import-online-retail';
import { formatCount as n } from './progress';

const byCount = (record: Record<string, number>) => Object.entries(record).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

/** The human summary the CLI prints on stdout. */
export function formatSummary(s: ImportSummary): string {
  const out: string[] = [];
  out.push(`Online Retail import: ${s.file} -> ${s.url}`);
  out.push(`rows read: ${n(s.rowsRead)}`);
  out.push(`rows skipped: ${n(s.rowsSkippedTotal)}`);
  for (const [reason, rows] of byCount(s.rowsSkipped)) {
    const invoices = s.invoicesSkipped[reason];
    out.push(`  ${reason}: ${n(rows)} rows${invoices === undefined ? '' : ` (${n(invoices)} invoices)`}`);
  }
  for (const problem of s.csvProblems) out.push(`  unreadable: ${problem}`);
  out.push(
    `invoices: ${n(s.invoices.orders)} orders (${n(s.invoices.orderLines)} lines), ` +
      `${n(s.invoices.cancellations)} cancellations (${n(s.invoices.cancelledLines)} lines)`,
  );
  out.push(`customers: ${n(s.customers.seen)} seen; ${n(s.customers.created)} created, ${n(s.customers.updated)} updated, ${n(s.customers.unchanged)} unchanged`);
  const e = s.events;
  out.push(
    `events: ${n(e.sent)} sent in ${n(e.calls)} calls; ${n(e.accepted)} accepted, ${n(e.duplicates)} duplicates, ${n(e.rejected)} rejected` +
      (e.unsent > 0 ? `, ${n(e.unsent)} NOT sent` : '') +
      (e.customersCreated > 0 ? ` (${n(e.customersCreated)} customers created by events)` : ''),
  );
  for (const r of e.firstRejections) out.push(`  rejected ${r.eventId}: ${r.code} ${r.field}: ${r.message}`);
  out.push(`elapsed: ${s.elapsedSeconds.toFixed(1)} s (reading ${s.readSeconds.toFixed(1)} s, sending ${(e.elapsedMs / 1000).toFixed(1)} s)`);
  if (s.recompute) {
    const r = s.recompute;
    out.push(`recomputeProfiles: ${n(r.customersScored)} scored, ${n(r.rfmChanged)} RFM changed, ${n(r.lifecycleChanged)} stages changed, ${n(r.tookMs)} ms`);
  }
  if (s.overview) {
    const o = s.overview;
    out.push(`dormancyOverview: ${n(o.totalCustomers)} customers, silent share ${(o.silentShare * 100).toFixed(1)}%, ${n(o.unscored)} unscored`);
    out.push(`  stages: ${o.byStage.map((x) => `${x.stage} ${n(x.customers)}`).join(', ')}`);
    out.push(`  RFM segments: ${o.byRfmSegment.map((x) => `${x.segment} ${n(x.customers)}`).join(', ')}`);
  }
  for (const f of s.failures) out.push(`FAILED: ${f}`);
  const problems = [...(e.rejected > 0 ? [`${n(e.rejected)} events rejected`] : []), ...(s.failures.length > 0 ? [`${s.failures.length} call(s) failed`] : [])];
  out.push(s.ok ? 'result: ok' : `result: NOT ok (${problems.join(', ')})`);
  return out.join('\n');
}
