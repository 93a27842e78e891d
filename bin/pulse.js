#!/usr/bin/env node
// The `pulse` CLI: runs the built code (npm run build, done by npm install and npm start).
import { existsSync } from 'node:fs';
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('pulse: not built yet; run `npm run build` first\n');
  process.exit(70);
}
await import(entry.href);
