// Handlers for the train view (experiments on networks).
export const trainHandlers = {};
