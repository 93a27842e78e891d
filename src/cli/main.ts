/** The `pulse` command line: every command with --help, JSON output where a machine reads it. */
import { Command } from 'commander';
import { describeConfig, loadConfig } from '../config.js';
import { serve } from '../roles.js';
import { registerAdmin } from './commands/admin.js';
import { registerCustomers } from './commands/customers.js';
import { registerImport } from './commands/import.js';
import { registerMerge } from './commands/merge.js';
import { registerPeople } from './commands/people.js';
import { registerSentiment } from './commands/sentiment.js';
import { registerStages } from './commands/stages.js';
import { registerWebhooks } from './commands/webhooks.js';

const program = new Command()
  .name('pulse')
  .description('Pulse, the open-source social CRM')
  .showHelpAfterError()
  .addHelpText('after', `\nEnvironment:\n${describeConfig().map((v) => `  ${v.name.padEnd(16)} ${v.description} (default: ${String(v.default)})`).join('\n')}`);

registerImport(program);
registerCustomers(program);
registerMerge(program);
registerPeople(program);
registerStages(program);
registerWebhooks(program);
registerSentiment(program);
registerAdmin(program);
program
  .command('serve')
  .description('serve the web UI and the API (PORT, HOST), seeding the demo workspace on an empty store')
  .action(() => serve(loadConfig()));

await program.parseAsync(process.argv);
