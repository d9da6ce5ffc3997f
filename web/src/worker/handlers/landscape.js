// Handlers for the landscape view (2-D objectives, optimizer races, flows).
export const landscapeHandlers = {};
