// The harness side of the line protocol (see serve.mjs): one long-lived child process per
// contender, one request at a time, so windows of different contenders can alternate.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const TIMEOUT_MS = 180_000; // a 500-step check of TF.js's cpu backend on the large net takes seconds

export class ChildContender {
  constructor(name, command, args, options = {}) {
    this.name = name;
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
    this.stderr = '';
    this.proc.stderr.on('data', (b) => { this.stderr = (this.stderr + b).slice(-4000); });
    this.waiting = [];
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`${name} exited (${code}): ${this.stderr.trim()}`));
      resolve(code);
    }));
    this.proc.on('error', (e) => { for (const w of this.waiting.splice(0)) w.reject(e); });
    createInterface({ input: this.proc.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const w = this.waiting.shift();
      if (!w) return;
      clearTimeout(w.timer);
      if (line.startsWith('ok')) w.resolve(line.slice(3));
      else w.reject(new Error(`${name}: ${line.replace(/^error /, '')}`));
    });
  }

  request(line) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no answer to '${line.slice(0, 40)}'`)), TIMEOUT_MS);
      this.waiting.push({ resolve, reject, timer });
      this.proc.stdin.write(`${line}\n`);
    });
  }

  async setup(spec) {
    const [parameters, stepsPerEpoch] = (await this.request(`setup ${JSON.stringify(spec)}`)).split(' ').map(Number);
    return { parameters, stepsPerEpoch };
  }

  async run(steps) {
    const [n, seconds, loss, diverged] = (await this.request(`run ${steps}`)).split(' ');
    return { steps: Number(n), seconds: Number(seconds), loss: Number(loss), diverged: diverged === '1' };
  }

  async weights() {
    const parts = (await this.request('weights')).split(' ');
    return Float64Array.from(parts.slice(1), Number);
  }

  /** Milliseconds of each of `repeats` decision grids (resolution^2 points) of network 0, after a warm-up. */
  async grid(resolution, repeats) {
    return (await this.request(`grid ${resolution} ${repeats}`)).split(' ').map(Number);
  }

  async info() {
    return JSON.parse(await this.request('info'));
  }

  async close() {
    if (this.proc.exitCode === null) {
      this.proc.stdin.end('quit\n');
      const timer = setTimeout(() => this.proc.kill(), 5000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}
