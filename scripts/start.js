// `npm start [project-dir]`: the Electron app where its binary is installed; otherwise the browser host, whose
// address is printed last, framed, so it is not lost. With no project folder the app opens the demo campaign
// (browser host) or its start screen (Electron).
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build-app.js';
import { electronBinary } from './install-electron.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function buildIfStale() {
  const r = buildApp({ say: (text) => process.stdout.write(text) });
  if (!r.ok) {
    process.stderr.write(`The build failed: ${r.reason}. Try: npm install, then npm start.\n`);
    process.exit(1);
  }
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
function width(text) {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return w;
}

function framed(lines) {
  const inner = Math.max(...lines.map(width)) + 2;
  const row = (l) => `│ ${l}${' '.repeat(inner - 1 - width(l))}│`;
  return [`┌${'─'.repeat(inner)}┐`, ...lines.map(row), `└${'─'.repeat(inner)}┘`].join('\n');
}

function runBrowserHost() {
  process.stdout.write(
    "Electron's binary is not installed here, so Chasing Light runs in your browser (the browser host).\n",
  );
  const child = spawn(process.execPath, [path.join(root, 'bin', 'chasing-light.js'), 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) return void process.stdout.write(line + '\n');
    process.stdout.write(
      '\n' +
        framed([
          `追光 Chasing Light — ${args[0] ? path.resolve(args[0]) : '示例项目 demo campaign'}`,
          '',
          '在本机的浏览器（Chrome、Edge 或 Firefox）中打开：',
          'Open this address in a browser on this computer:',
          '',
          line,
          '',
          '地址中含本次启动的密钥，请勿外传。按 Ctrl+C 停止。',
          "The address holds this launch's key: keep it private. Ctrl+C stops.",
        ]) +
        '\n',
    );
  });
  return child;
}

buildIfStale();
const electron = electronBinary();
const child = electron ? spawn(electron, [root, ...args], { stdio: 'inherit' }) : runBrowserHost();
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
