import { formatMessage, isMessageKey, type MessageParams } from '../../shared/i18n/messages';
import { lang } from './language';
import { flushOut, guardStdout, out } from './output';
import { USAGE, UsageError } from './usage';

// The entry of `chasing-light`. Help answers at once; the services (sharp, exifr, the catalog) load only for a
// command that needs them, so scripts that call the command per photo do not pay for them twice.
const argv = process.argv.slice(2);
const command = argv[0];

if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
  out(USAGE + '\n');
  await flushOut();
  process.exit(command ? 0 : 2);
}

guardStdout();
const commands = await import('./commands');
/** Under --json a script reads stdout: a refusal is said there too, as {"error": {code, key, message}}. */
const json = argv.includes('--json');
try {
  const code = await commands.runCommand(argv);
  if (code >= 0) {
    await commands.closeProject();
    await flushOut();
    process.exit(code);
  }
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`chasing-light: ${err.message}\n\n${USAGE}\n`);
    if (json)
      out(
        JSON.stringify({
          error: {
            code: 'USAGE',
            key: 'cli.badUsage',
            message: formatMessage({ key: 'cli.badUsage', params: { detail: err.message } }, lang),
          },
        }) + '\n',
      );
    await flushOut();
    process.exit(2);
  }
  // A known refusal (no such project, a damaged project.json) is the user's input, said plainly, in their language.
  const { code, key, params } = err as { code?: string; key?: string; params?: MessageParams };
  const text = isMessageKey(key) ? formatMessage({ key, params }, lang) : (err as Error).message;
  process.stderr.write(`chasing-light: ${code ? `[${code}] ` : ''}${text}\n`);
  const refusal = !!code && code !== 'INTERNAL';
  if (json)
    out(
      JSON.stringify({ error: { code: code ?? 'INTERNAL', key: isMessageKey(key) ? key : null, message: text } }) +
        '\n',
    );
  await commands.closeProject().catch(() => undefined);
  await flushOut();
  process.exit(refusal ? 2 : 1);
}
