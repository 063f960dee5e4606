// Values the vendors' manuals leave open, chosen for the simulation and kept in one place so
// nobody mistakes them for documented behaviour (docs/domain.md says which rules are stated).
// Each is a plausible order of magnitude for the hardware of its time, and small enough that a
// demo at speed 1× shows progress.
import type { ShadowImagePace } from './shadowimage';
import type { VolumeCopyPriority } from './volume-copy';

/** SANtricity: background copy rate by priority. The manual orders the priorities; the rates are chosen, each twice the one below. */
export const VOLUME_COPY_RATE_BYTES_PER_SEC: Record<VolumeCopyPriority, number> = {
  lowest: 16 * 1024 ** 2,
  low: 32 * 1024 ** 2,
  medium: 64 * 1024 ** 2,
  high: 128 * 1024 ** 2,
  highest: 256 * 1024 ** 2,
};

/** XP7 ShadowImage: copy rate by copy pace. The guide names the paces; the rates are chosen. */
export const SHADOWIMAGE_RATE_BYTES_PER_SEC: Record<ShadowImagePace, number> = {
  slower: 32 * 1024 ** 2,
  medium: 128 * 1024 ** 2,
  faster: 512 * 1024 ** 2,
};

/** XP7 ShadowImage in PAIR: an update copy runs once this share of the volume is differential… */
export const UPDATE_COPY_DIFFERENTIAL_RATIO = 0.01;
/** …or this long after the previous one, whichever comes first (the guide says "periodically"). */
export const UPDATE_COPY_INTERVAL_MS = 30_000;
/** XP7 ShadowImage: how long SMPL(PD) lasts before the pair is gone. */
export const SHADOWIMAGE_DELETE_MS = 1_000;

/** DS6000: the background copy rate (not tunable on the real array either; the value is chosen). */
export const DS6000_RATE_BYTES_PER_SEC = 100 * 1024 ** 2;
/**
 * DS6000: how long a freeze (mkflash -freeze) holds a source's writes when nobody thaws the group:
 * the DS arrays' default consistency-group timeout (two minutes), which we chose to use.
 */
export const DS6000_FREEZE_TIMEOUT_MS = 120_000;

/** Storwize: simulated time a prepare takes (flush the source cache, discard the target cache). */
export const STORWIZE_PREPARE_MS = 2_000;
/** Storwize: simulated time a stop spends in `stopping` before the mapping is `stopped`. */
export const STORWIZE_STOPPING_MS = 1_000;

/**
 * Storwize: mappings one volume may be the source of. Real arrays allow up to 256 in a tree; the
 * limit here is per source, so a cascade can grow beyond it (each cascade source has its own).
 */
export const FLASHCOPY_TARGETS_PER_SOURCE_MAX = 256;

/**
 * SANtricity snapshots per base volume. Older firmware allowed four legacy snapshots per base,
 * later ones more; four is chosen.
 */
export const SNAPSHOTS_PER_BASE_MAX = 4;
/** SANtricity snapshot repository, when the creator gives no size: this share of the base (the management software's default). */
export const SNAPSHOT_REPOSITORY_DEFAULT_RATIO = 0.2;
/** Copy-on-write unit of a snapshot repository (chosen: the engine's default grain). */
export const SNAPSHOT_GRAIN_BYTES = 64 * 1024;
