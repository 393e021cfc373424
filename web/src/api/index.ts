export * from './types';
export { ApiError, getCsrfToken, onCsrfRejected, setCsrfToken } from './http';
export * from './catalog';
export * from './session';
export * from './process';
export * from './org';
export * from './dossier';
export * from './upload';
export * from './cases';
