import { createCliRuntime, runCli } from './runtime.js';
import { runAsk } from './ask-command.js';

runCli(() => runAsk(process.argv.slice(2), process, async () => (await createCliRuntime()).assistant));
