// The one entry point of the engine that the console's browser code may import (components/,
// lib/client/, pages, e2e/; eslint.config.mjs enforces it). Everything here is browser-safe: no
// module in its value-import graph imports node:* (scripts/check-engine-imports.ts checks it).
// What it offers is the vocabulary and the tables the engine itself decides by, so the console
// asks instead of restating them; what a command would do comes from the preview API.

export * from './model';

// The copy services: their types, state tables and the actions allowed in a state.
export { COPY_TYPES, type Access, type AutomaticEvent, type CopyType, type ServiceTable, type StateSpec } from './copy/types';
export { SERVICE_TABLES, actionsIn, stateWords, tableFor, type ActionAvailability } from './copy/tables';
export { roleWordFor } from './io/access';

// Each service's options: names, values, defaults, which may change after creation, what they buy.
export { defaultOptions, isMutableOption } from './copy/options';
export { DS6000_RATE_BYTES_PER_SEC, SHADOWIMAGE_RATE_BYTES_PER_SEC, SNAPSHOTS_PER_BASE_MAX, VOLUME_COPY_RATE_BYTES_PER_SEC } from './copy/chosen-values';
export { DS6000_MODES, type Ds6000Mode } from './copy/flashcopy-ds6000';
export { STORWIZE_COPY_RATE_MAX, STORWIZE_GRAIN_SIZES_KIB, storwizeRateBytesPerSec } from './copy/flashcopy-storwize';
export { SHADOWIMAGE_MAINFRAME_NAMES, SHADOWIMAGE_PACES, type ShadowImagePace, type ShadowImageState } from './copy/shadowimage';
export { VOLUME_COPY_PRIORITIES, type VolumeCopyPriority } from './copy/volume-copy';

// Relationship names: the rule and the array's defaults.
export { defaultName, NAME_CHARS_MAX, NAME_PREFIX_BY_MODEL, nameProblems, smallestFreeNumber } from './copy/names';

// What each model offers, and the faults the simulation injects.
export { canCreateUnstarted, faultKindsFor, unstartedRefusal } from './capabilities';
export { FAULT_KINDS, type FaultInput, type FaultKind } from './faults/fault';

// What a command would do, in the engine's words (POST /api/preview).
export type { Consequence, ConsequenceKind, CopyRef, Preview, PreviewCommand, PreviewCommandName, PreviewRequest, VolumeRef } from './preview/types';

// Host workloads and the simulated clock.
export {
  WORKLOAD_BLOCK_BYTES_MAX,
  WORKLOAD_BLOCK_BYTES_MIN,
  WORKLOAD_IOPS_MAX,
  WORKLOAD_OPS_PER_TICK_MAX,
  WORKLOAD_PATTERNS,
  WORKLOAD_TICK_BYTES_MAX,
  WORKLOAD_TICKS_PER_WALL_SEC,
  type WorkloadPattern,
  type WorkloadSpec,
} from './io/workload-spec';
export { CLOCK_SPEEDS, isClockSpeed, type ClockSpeed } from './time/speeds';
