/** The `coach` command line: `npm run --silent coach -- <workout|ask|search|daily> ...`. */
import { processEnvironment } from '../config.ts';
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: processEnvironment(),
});
