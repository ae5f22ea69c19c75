import { formatMessage, isMessageKey, type MessageParams } from '../../shared/i18n/messages';
import { lang } from './language';
import { guardStdout, out } from './output';
import { USAGE, UsageError } from './usage';

// The entry of `chasing-light`. Help answers at once; the services (sharp, exifr, the catalog) load only for a
// command that needs them, so scripts that call the command per photo do not pay for them twice.
const argv = process.argv.slice(2);
const command = argv[0];

if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
  out(USAGE + '\n');
  process.exit(command ? 0 : 2);
}

guardStdout();
const commands = await import('./commands');
try {
  const code = await commands.runCommand(argv);
  if (code >= 0) {
    await commands.closeProject();
    process.exit(code);
  }
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`chasing-light: ${err.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  // A known refusal (no such project, a damaged project.json) is the user's input, said plainly, in their language.
  const { code, key, params } = err as { code?: string; key?: string; params?: MessageParams };
  const text = isMessageKey(key) ? formatMessage({ key, params }, lang) : (err as Error).message;
  process.stderr.write(`chasing-light: ${code ? `[${code}] ` : ''}${text}\n`);
  await commands.closeProject().catch(() => undefined);
  process.exit(code && code !== 'INTERNAL' ? 2 : 1);
}
