import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now: scripts serve the site there without clashing with anyone's dev server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('No free port on 127.0.0.1.')),
      );
    });
  });
}
