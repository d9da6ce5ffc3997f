// The child side of the contenders' line protocol (the same one descent_bench speaks natively):
//   setup <spec JSON>  -> ok <parameters> <steps per epoch>
//   run <steps>        -> ok <steps> <seconds> <loss or nan> <diverged 0|1>
//   weights            -> ok <n> <w_0> ... <w_n-1>   (Descent's flat layout)
//   info               -> ok <JSON>
//   grid <res> <reps>  -> ok <ms per predictGrid of network 0, each repeat>   (Descent's contenders only)
//   quit
// Each contender runs in its own process so that one's heap, GC and JIT do not disturb another's
// timed window; `seconds` is measured in the child around the work only.
import { createInterface } from 'node:readline';

export async function serve(handlers) {
  // Libraries may log; stdout is reserved for replies.
  console.log = console.info = console.warn = console.error;
  const reply = (text) => process.stdout.write(`${text}\n`);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const space = line.indexOf(' ');
    const command = space < 0 ? line : line.slice(0, space);
    const rest = space < 0 ? '' : line.slice(space + 1);
    if (command === 'quit') break;
    try {
      if (command === 'setup') {
        const { parameters, stepsPerEpoch } = await handlers.setup(JSON.parse(rest));
        reply(`ok ${parameters} ${stepsPerEpoch}`);
      } else if (command === 'run') {
        const r = await handlers.run(Number(rest));
        reply(`ok ${r.steps} ${r.seconds} ${r.loss ?? NaN} ${r.diverged ? 1 : 0}`);
      } else if (command === 'weights') {
        const w = await handlers.weights();
        reply(`ok ${w.length} ${Array.from(w).join(' ')}`);
      } else if (command === 'grid' && handlers.grid) {
        const [resolution, repeats] = rest.split(' ').map(Number);
        reply(`ok ${(await handlers.grid(resolution, repeats)).join(' ')}`);
      } else if (command === 'info') {
        reply(`ok ${JSON.stringify(await handlers.info())}`);
      } else {
        throw new Error(`unknown command '${command}'`);
      }
    } catch (e) {
      reply(`error ${String(e?.message ?? e).replace(/\s+/g, ' ')}`);
    }
  }
  process.exit(0);
}
