// The hello-world Fastify route bench:api compares Pulse with: `node bench/hello-server.mjs PORT PROCESSES`.
import cluster from 'node:cluster';
import Fastify from 'fastify';

const [port, processes] = process.argv.slice(2).map(Number);
if (cluster.isPrimary && processes > 1) {
  let ready = 0;
  for (let i = 0; i < processes; i++) cluster.fork().on('message', () => ++ready === processes && console.log('hello ready'));
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill();
    process.exit(0);
  });
} else {
  const app = Fastify();
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port, host: '127.0.0.1' });
  if (cluster.isWorker) process.send('ready');
  else console.log('hello ready');
}
