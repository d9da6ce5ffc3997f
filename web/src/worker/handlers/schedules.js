// Handler for the Schedules view: a schedule's learning rate per epoch, computed by the library
// (scheduleLrs), so that the page draws the schedules before any training without re-implementing
// them. The library checks the schedule and names the field that is wrong.
//
//   scheduleLrs { schedule, baseLr, epochs } -> Float64Array of `epochs` rates (epoch 0 first)

export const scheduleHandlers = {
  scheduleLrs(descent, { schedule, baseLr, epochs } = {}) {
    return Float64Array.from(descent.scheduleLrs(schedule ?? { type: 'constant' }, baseLr, epochs));
  },
};
