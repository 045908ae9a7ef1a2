import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens and resolves with the real port (port 0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The URL a client on this machine uses: a wildcard bind address is reached through loopback. */
export function localUrl(host: string, port: number, path: string): string {
  const reachable = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}${path}`;
}
