export * from './checkup.js';
export * from './child.js';
export * from './claim.js';
export * from './patient.js';
export * from './staff.js';
export * from './subscriber.js';
