/**
 * Holm–Bonferroni adjusted p-values (Holm, "A simple sequentially rejective multiple test procedure",
 * Scand. J. Statist. 6 (1979) 65–70; adjusted p-values as in Wright, Biometrics 48 (1992) 1005–1013,
 * and R's p.adjust(method = "holm")). With the m p-values sorted ascending p(1) ≤ … ≤ p(m):
 *   p̃(i) = min(1, max_{j ≤ i} (m − j + 1) p(j))
 * which is monotone in the sorted order; rejecting p̃ < α controls the family-wise error rate at α.
 * null entries (tests that could not be run) pass through as null and do not count in m. The result
 * is in the input's order.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const present = pValues.flatMap((p, i) => (p === null || Number.isNaN(p) ? [] : [{ p, i }]));
  present.sort((a, b) => a.p - b.p || a.i - b.i);
  const m = present.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  present.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
