export { functionRoutes } from './routes';
export { FunctionHost } from './host';
export { EmulatorEvents } from './events';
