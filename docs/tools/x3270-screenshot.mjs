// Take a real x3270 window screenshot of the vmrexx CP console (docs/x3270-console.png).
// Needs: npm run build; apt-get install x3270 xvfb imagemagick. Run: node docs/tools/x3270-screenshot.mjs
// Starts `vmrexx serve` in-process (startServe), a virtual X display (Xvfb), and x3270
// driven through its script interface (-script: the s3270 action language on stdin).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { startServe } = await import(join(root, 'dist/cli/serve.js'));
const out = process.argv[2] ?? join(root, 'docs/x3270-console.png');
const display = ':' + (90 + Math.floor(Math.random() * 9));
const h = await startServe({ tn3270Port: 0, httpPort: 0, autolog: false });
const xvfb = spawn('Xvfb', [display, '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
// wait until the X server answers
for (let i = 0; i < 50; i++) {
  const probe = spawn('xdpyinfo', ['-display', display], { stdio: 'ignore' });
  const [code] = await once(probe, 'exit');
  if (code === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
const env = { ...process.env, DISPLAY: display };
const x = spawn('x3270', ['-model', '3279-2', '-codepage', 'cp037', '-script', '-xrm', 'x3270.confirmExit: false', `127.0.0.1:${h.tn3270.port}`], { env, stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: x.stdout });
const queue = [];
lines.on('line', (l) => queue.push(l));
async function run(cmd) {
  x.stdin.write(cmd + '\n');
  const data = [];
  for (;;) {
    while (queue.length === 0) await new Promise((r) => setTimeout(r, 10));
    const l = queue.shift();
    if (l === 'ok') return data;
    if (l === 'error') throw new Error(`${cmd}: ${data.join('\n')}`);
    if (l.startsWith('data: ')) data.push(l.slice(6));
  }
}
const screen = async () => (await run('Ascii()')).join('\n');
async function waitFor(text) {
  for (let i = 0; i < 200; i++) {
    if ((await screen()).includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`x3270: no ${text} on the screen:\n${await screen()}`);
}
try {
  await run('Wait(20,InputField)');
  await waitFor('Enter LOGON');
  await run('String("LOGON USER1 NOIPL")');
  await run('Enter');
  await waitFor('ENTER PASSWORD');
  await run('String("USER1")');
  await run('Enter');
  await waitFor('LOGON AT');
  await run('Clear');
  await new Promise((r) => setTimeout(r, 300));
  await run('String("QUERY NAMES#QUERY USERID#QUERY TIME")');
  await run('Enter');
  await waitFor('TIME IS');
  await run('String("QUERY TERMINAL")');
  await run('Enter');
  await waitFor('BRKKEY');
  await new Promise((r) => setTimeout(r, 500));
  const conv = spawn('import', ['-display', display, '-window', 'root', '-trim', '+repage', out], { stdio: 'inherit' });
  const [code] = await once(conv, 'exit');
  if (code !== 0) throw new Error(`import exited ${code}`);
  console.log(`wrote ${out}`);
} finally {
  x.kill();
  xvfb.kill();
  await h.close();
}
