export * from './enums';
export * from './companies';
export * from './contracts';
export * from './events';
export * from './auth';
export * from './notifications';
export * from './relations';
export * from './statements';
