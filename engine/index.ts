export { Engine } from './engine';
export { Fleet, type FleetSnapshot } from './fleet';
export * from './model';
