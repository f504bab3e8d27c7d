import { createServer } from 'node:net';

/** A port on 127.0.0.1 nothing listens on now (for servers that must be told their port up front). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
