// The demo fleet: one array per model, named and numbered the way each vendor does it, so a
// storage administrator recognises what they see. Deterministic: the same fleet every time.
import type { ArrayModel, ControllerSlot } from '../../engine/model';
import { GiB, TiB } from '../units';

export interface DemoVolume {
  name: string;
  capacityBytes: bigint;
  pool: string;
  preferredOwner: ControllerSlot;
}

export interface DemoPool {
  name: string;
  capacityBytes: bigint;
  lss?: number;
}

export interface DemoArray {
  name: string;
  model: ArrayModel;
  serial: string;
  pools: DemoPool[];
  volumes: DemoVolume[];
}

// Sizes from 1 GiB to 2 TiB, each appearing at least twice so every service has equal-size
// candidates for copies out of the box.
const SIZES_GIB = [1, 1, 10, 10, 50, 50, 100, 100, 250, 250, 500, 500, 1024, 1024, 2048, 2048, 200, 20];

function volumes(names: string[], pools: DemoPool[]): DemoVolume[] {
  return names.map((name, index) => {
    const sizeGiB = SIZES_GIB[index % SIZES_GIB.length] ?? 10;
    const pool = pools[Math.floor(index / Math.ceil(names.length / pools.length))] ?? pools[0];
    if (pool === undefined) throw new Error('a demo array needs a pool');
    return {
      name,
      capacityBytes: BigInt(sizeGiB) * GiB,
      pool: pool.name,
      preferredOwner: index % 2 === 0 ? 'A' : 'B',
    };
  });
}

function numbered(prefix: string, count: number, width = 2, start = 1): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(start + i).padStart(width, '0')}`);
}

/** XP7 LDEV ids are LDKC:CU:LDEV in hex; the names here carry them, e.g. SAP_PRD_00:10:03. */
function ldevs(prefix: string, cu: number, count: number): string[] {
  const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  return Array.from({ length: count }, (_, i) => `${prefix}_00:${hex(cu)}:${hex(i)}`);
}

const santricityPools: DemoPool[] = [
  { name: 'Disk_Pool_1', capacityBytes: 48n * TiB },
  { name: 'Volume_Group_2', capacityBytes: 24n * TiB },
];
const xp7Pools: DemoPool[] = [
  { name: 'DP_POOL_00', capacityBytes: 64n * TiB },
  { name: 'DP_POOL_01', capacityBytes: 32n * TiB },
];
const storwizePools: DemoPool[] = [
  { name: 'mdiskgrp0', capacityBytes: 40n * TiB },
  { name: 'mdiskgrp1', capacityBytes: 40n * TiB },
];
// DS6000 extent pools; each volume ID starts with its LSS number (volume 1004 is in LSS 0x10).
const ds6000Pools: DemoPool[] = [
  { name: 'P0', capacityBytes: 32n * TiB, lss: 0x10 },
  { name: 'P1', capacityBytes: 32n * TiB, lss: 0x11 },
];

function ds6000VolumeIds(): string[] {
  const lss10 = Array.from({ length: 9 }, (_, i) => `10${i.toString(16).padStart(2, '0').toUpperCase()}`);
  const lss11 = Array.from({ length: 9 }, (_, i) => `11${i.toString(16).padStart(2, '0').toUpperCase()}`);
  return [...lss10, ...lss11];
}

export const DEMO_FLEET: DemoArray[] = [
  {
    name: 'E2860-ATL-01',
    model: 'santricity',
    serial: '021927000547',
    pools: santricityPools,
    volumes: volumes(
      [
        ...numbered('ora_prod_data_', 6),
        ...numbered('ora_prod_redo_', 2),
        ...numbered('vmfs_ds_', 6),
        'exch_db_01',
        'exch_log_01',
        'backup_stage_01',
        'backup_stage_02',
      ],
      santricityPools,
    ),
  },
  {
    name: 'XP7-FRA-PROD',
    model: 'xp7',
    serial: '411652',
    pools: xp7Pools,
    volumes: volumes([...ldevs('SAP_PRD', 0x10, 8), ...ldevs('SAP_QAS', 0x20, 8), ...ldevs('SAP_TRN', 0x30, 2)], xp7Pools),
  },
  {
    name: 'V7000-LON-02',
    model: 'storwize',
    serial: '78N1K2P',
    pools: storwizePools,
    volumes: volumes([...numbered('vdisk_sql', 6), ...numbered('vdisk_web', 4), ...numbered('vdisk_fs', 4), ...numbered('vdisk_bkp', 4)], storwizePools),
  },
  {
    name: 'DS6800-NYC-01',
    model: 'ds6000',
    serial: '13AB2CA',
    pools: ds6000Pools,
    volumes: volumes(ds6000VolumeIds(), ds6000Pools),
  },
];
