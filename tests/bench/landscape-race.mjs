// The Landscape tab's work for one Run, as the page's worker does it: 8 optimizers x 1,000 steps
// on Rosenbrock from the objective's start (minimize with recordState, as the race table shows
// each optimizer's state), plus the gradient flow and Nesterov's ODE over the same horizon.
import { median } from './timing.mjs';

const STEPS = 1000;
const OBJECTIVE = { type: 'rosenbrock' };
// Learning rates that keep every run on Rosenbrock stable for 1,000 steps (none diverges, so
// each really takes its 1,000 steps).
export const RACE = [
  { type: 'gd', lr: 0.0015 },
  { type: 'heavyBall', lr: 0.001 },
  { type: 'nesterovAccelerated', lr: 0.001 },
  { type: 'newton', lr: 1 },
  { type: 'adagrad', lr: 0.5 },
  { type: 'rmsprop', lr: 0.01 },
  { type: 'adam', lr: 0.1 },
  { type: 'adamw', lr: 0.1 },
];
const ETA_GD = 0.0015;
const ETA_NESTEROV = 0.001;

function raceOnce(d, x0) {
  const t0 = performance.now();
  let steps = 0;
  for (const optimizer of RACE) {
    const r = d.minimize(OBJECTIVE, optimizer, { x0, steps: STEPS, recordState: true });
    if (r.diverged) throw new Error(`landscape race: ${optimizer.type} diverged`);
    steps += r.steps;
  }
  const t1 = performance.now();
  d.integrateFlow(OBJECTIVE, { kind: 'gradient', x0, tEnd: STEPS * ETA_GD, points: STEPS + 1 });
  d.integrateFlow(OBJECTIVE, { kind: 'nesterov', x0, tEnd: STEPS * Math.sqrt(ETA_NESTEROV), points: STEPS + 1 });
  const t2 = performance.now();
  return { steps, optimizersMs: t1 - t0, flowsMs: t2 - t1, totalMs: t2 - t0 };
}

/** The first run (cold: code not yet warmed by the JIT) and the median of `runs` more. */
export function landscapeRace(d, runs) {
  const objective = d.createObjective(OBJECTIVE);
  const x0 = Array.from(objective.window().start);
  objective.delete();
  const first = raceOnce(d, x0);
  const rest = Array.from({ length: runs }, () => raceOnce(d, x0));
  return {
    objective: OBJECTIVE.type,
    optimizers: RACE.map((o) => o.type),
    stepsEach: STEPS,
    stepsTaken: first.steps,
    firstMs: first.totalMs,
    totalMs: median(rest.map((r) => r.totalMs)),
    optimizersMs: median(rest.map((r) => r.optimizersMs)),
    flowsMs: median(rest.map((r) => r.flowsMs)),
    runs,
  };
}
