import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function startOn(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Ready to accept connections')) resolve(child);
    });
  });
}

/**
 * A throwaway `redis-server` from PATH on a free port, which a test can kill, freeze and restart
 * on the same port to play an outage.
 */
export async function startPrivateRedis() {
  const port = await freePort();
  let child = await startOn(port);
  const exited = (process: ChildProcess) => new Promise((resolve) => (process.exitCode !== null ? resolve(null) : process.once('exit', resolve)));
  return {
    url: `redis://127.0.0.1:${port}`,
    async kill() {
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      child = await startOn(port);
    },
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
  };
}
