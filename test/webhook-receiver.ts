/**
 * A local HTTP server standing in for a webhook's receiver: it records every request (raw body and
 * headers) and answers what the test tells it to.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  /** The body exactly as it arrived. */
  raw: Buffer;
  json: { id: string; type: string; workspace: string; createdAt: string; data: Record<string, unknown> };
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Decides each answer; by default 200. Return 'hang' to never answer. */
  answer: (req: Received, nth: number) => number | 'hang' | { status: number; headers: Record<string, string> };
  close(): Promise<void>;
}

export const startReceiver = async (): Promise<Receiver> => {
  const hanging: ServerResponse[] = [];
  const receiver: Receiver = {
    url: '',
    received: [],
    answer: () => 200,
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const got: Received = { headers: req.headers, raw, json: JSON.parse(raw.toString('utf8')) as Received['json'] };
      receiver.received.push(got);
      const nth = receiver.received.filter((r) => r.headers['pulse-delivery'] === got.headers['pulse-delivery']).length;
      const a = receiver.answer(got, nth);
      if (a === 'hang') {
        hanging.push(res);
        return;
      }
      const { status, headers } = typeof a === 'number' ? { status: a, headers: {} } : a;
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(status >= 200 && status < 300 ? 'ok' : `answer ${status}`);
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/pulse`;
  return receiver;
};
