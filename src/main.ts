/**
 * Entry point of the process roles: `node dist/main.js serve | migrate`. The CLI (`pulse …`,
 * src/cli/main.ts) is the other entry point; both start roles from src/roles.ts.
 */
import { loadConfig } from './config.js';
import { openContext } from './context.js';
import { serve } from './roles.js';

const role = process.argv[2] ?? 'serve';
const config = loadConfig();
if (role === 'serve') await serve(config);
else if (role === 'migrate') {
  const ctx = await openContext(config);
  await ctx.close();
  process.stdout.write(`Schema is up to date (${ctx.store.dialect}).\n`);
} else {
  process.stderr.write(`pulse: unknown role "${role}" (serve | migrate)\n`);
  process.exit(64);
}
