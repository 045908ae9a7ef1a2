/** A URL fit to print: any password replaced by ***. Handles NATS's comma-separated server lists. */
export function displayUrl(url: string): string {
  return url
    .split(',')
    .map((one) => {
      try {
        const parsed = new URL(one);
        if (parsed.password) parsed.password = '***';
        return parsed.toString();
      } catch {
        return one;
      }
    })
    .join(',');
}

/** host:port of a URL, as in "found on 127.0.0.1:5432". */
export const hostOf = (url: string) => new URL(url).host;
