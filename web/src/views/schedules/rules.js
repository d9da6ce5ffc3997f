// What the Schedules view says about each schedule, from the library's registry (listSchedules:
// label, formula, PyTorch class, and each option's symbol and PyTorch name), so the text is
// written once, in C++. Pure, tested in tests/web/schedules.test.js.

/**
 * The description of a module ScheduleSpec: { label, formula, torch, params: [{ name, symbol,
 * torch, value }], then: the same for a warm-up's following schedule, or null }. schedules: the
 * listSchedules() registry.
 */
export function describeSchedule(spec, schedules) {
  const entry = schedules.find((s) => s.type === spec.type);
  if (!entry) throw new Error(`Schedules: the library has no schedule ${JSON.stringify(spec.type)}`);
  const params = entry.options
    .filter((o) => typeof spec[o.name] === 'number')
    .map((o) => ({ name: o.name, symbol: o.symbol || o.name, torch: o.torch || o.name, value: spec[o.name] }));
  return {
    label: entry.label,
    formula: entry.formula,
    torch: entry.torch,
    params,
    then: spec.then ? describeSchedule(spec.then, schedules) : null,
  };
}

/** The parameters as TeX: "T_0 = 10,\; T_{mult} = 2" ('' when there are none). */
export function paramsTex(description) {
  return description.params.map((p) => `${p.symbol} = ${p.value}`).join(',\\; ');
}
