/** The value of one sample in Prometheus text output, whatever the order of its labels. */
export function metricValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Set(match[2]?.split(','));
    if (wanted.every((pair) => present.has(pair))) return Number(match[3]);
  }
  return undefined;
}
