// Grainline's objects in SVC's field names and values: every value a string, "" when empty.
// Concise views are the rows of a listing; detailed views add the fields `ls<object> <id>` prints.
import { createHash } from 'node:crypto';
import type { CopyDto } from '../../services/copies';
import type { GroupDto } from '../../services/consistency-groups';
import type { VolumeView } from '../../services/dto';
import { volumeUsage } from '../../services/host-io';
import type { StorwizeOptions } from '../../../engine/copy/options';
import { groupById, poolOf, volumeById, type SvcPool, type SvcSystem } from './system';
import { svcCapacity, svcTime } from './units';

export type Row = Record<string, string>;

const IO_GROUP = { id: '0', name: 'io_grp0' } as const;
/** Controller slot → SVC node (a storwize array's two node canisters in io_grp0). */
export const NODE_OF_SLOT = { A: { id: '1', name: 'node1' }, B: { id: '2', name: 'node2' } } as const;

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length).toUpperCase();
}

export function systemId(system: SvcSystem): string {
  return `0000020${hex(`system:${system.array.serial}`, 9)}`;
}

function vdiskUid(system: SvcSystem, volume: VolumeView): string {
  return `600507680C8${hex(`vdisk:${system.array.serial}:${volume.id}`, 21)}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const onOff = (value: boolean) => (value ? 'on' : 'off');

function mappingsOf(system: SvcSystem, volume: VolumeView): CopyDto[] {
  return system.mappings.filter((m) => m.sourceVolumeId === volume.id || m.targetVolumeId === volume.id);
}

const isThin = (volume: VolumeView) => volume.provisioning !== 'thick';
const isCompressed = (volume: VolumeView) => volume.provisioning.startsWith('compressed');
const isDeduplicated = (volume: VolumeView) => volume.provisioning.endsWith('deduplicated');

export function vdiskRow(system: SvcSystem, volume: VolumeView, asBytes: boolean): Row {
  const pool = poolOf(system, volume);
  const mappings = mappingsOf(system, volume);
  const only = mappings.length === 1 ? mappings[0] : undefined;
  return {
    id: String(volume.number),
    name: volume.name,
    IO_group_id: IO_GROUP.id,
    IO_group_name: IO_GROUP.name,
    status: volume.status === 'online' ? 'online' : 'offline',
    mdisk_grp_id: String(pool.number),
    mdisk_grp_name: pool.name,
    capacity: svcCapacity(volume.capacityBytes, asBytes),
    type: 'striped',
    FC_id: only ? String(only.number) : mappings.length > 1 ? 'many' : '',
    FC_name: only ? only.name : mappings.length > 1 ? 'many' : '',
    RC_id: '',
    RC_name: '',
    vdisk_UID: vdiskUid(system, volume),
    fc_map_count: String(mappings.length),
    copy_count: '1',
    fast_write_state: 'empty',
    se_copy_count: isThin(volume) && !isCompressed(volume) ? '1' : '0',
    RC_change: 'no',
    compressed_copy_count: isCompressed(volume) ? '1' : '0',
    parent_mdisk_grp_id: String(pool.number),
    parent_mdisk_grp_name: pool.name,
    owner_id: '',
    owner_name: '',
    formatting: 'no',
    encrypt: 'no',
    volume_id: String(volume.number),
    volume_name: volume.name,
    function: '',
    protocol: '',
  };
}

/** `lsvdisk <id>`: the volume's fields, then its one copy's (the modules index [0] and [1]). */
export function vdiskDetail(system: SvcSystem, volume: VolumeView, asBytes: boolean): Row[] {
  const row = vdiskRow(system, volume, asBytes);
  const node = NODE_OF_SLOT[volume.preferredOwner];
  const detail: Row = {
    ...row,
    throttling: '0',
    preferred_node_id: node.id,
    preferred_node_name: node.name,
    cache: 'readwrite',
    udid: '',
    sync_rate: '50',
    mirror_write_priority: 'latency',
    access_IO_group_count: '1',
    last_access_time: '',
    owner_type: 'none',
    throttle_id: '',
    throttle_name: '',
    IOPs_limit: '',
    bandwidth_limit_MB: '',
    volume_group_id: '',
    volume_group_name: '',
    cloud_backup_enabled: 'no',
    cloud_account_id: '',
    cloud_account_name: '',
    backup_status: 'off',
    last_backup_time: '',
    restore_status: 'none',
    backup_grain_size: '',
    deduplicated_copy_count: isDeduplicated(volume) ? '1' : '0',
    safeguarded_expiration_time: '',
    safeguarded_backup_count: '0',
    is_snapshot: 'no',
    snapshot_count: '0',
  };
  return [detail, vdiskCopyRow(system, volume, asBytes)];
}

/**
 * The volume's single copy (copy 0; never mirrored). A thin volume's real capacity is what hosts
 * and copies have written (the store's allocation), as a thin copy's real capacity grows on an array.
 */
export function vdiskCopyRow(system: SvcSystem, volume: VolumeView, asBytes: boolean): Row {
  const pool = poolOf(system, volume);
  const capacity = svcCapacity(volume.capacityBytes, asBytes);
  const realBytes = isThin(volume) ? BigInt(volumeUsage(system.runtime, volume.id).allocatedBytes) : volume.capacityBytes;
  const real = svcCapacity(realBytes, asBytes);
  return {
    vdisk_id: String(volume.number),
    vdisk_name: volume.name,
    copy_id: '0',
    status: volume.status === 'online' ? 'online' : 'offline',
    sync: 'yes',
    auto_delete: 'no',
    primary: 'yes',
    mdisk_grp_id: String(pool.number),
    mdisk_grp_name: pool.name,
    capacity,
    type: 'striped',
    se_copy: yesNo(isThin(volume) && !isCompressed(volume)),
    easy_tier: 'on',
    easy_tier_status: 'balanced',
    used_capacity: real,
    real_capacity: real,
    free_capacity: svcCapacity(0n, asBytes),
    overallocation: realBytes === 0n ? '0' : String((volume.capacityBytes * 100n) / realBytes),
    autoexpand: isThin(volume) ? 'on' : '',
    warning: isThin(volume) ? '80' : '',
    grainsize: isThin(volume) && !isCompressed(volume) ? '256' : '',
    compressed_copy: yesNo(isCompressed(volume)),
    uncompressed_used_capacity: real,
    parent_mdisk_grp_id: String(pool.number),
    parent_mdisk_grp_name: pool.name,
    encrypt: 'no',
    deduplicated_copy: yesNo(isDeduplicated(volume)),
    used_capacity_before_reduction: '',
  };
}

function storwizeOptions(mapping: CopyDto): StorwizeOptions {
  return mapping.options as unknown as StorwizeOptions;
}

/** Percent of grains that differ between source and target since T0 (SVC `difference`). */
function differencePercent(mapping: CopyDto): string {
  const totalBytes = mapping.progress.totalBytes;
  if (totalBytes <= 0) return '0';
  return String(Math.min(100, Math.floor((mapping.differentialBytes / totalBytes) * 100)));
}

export function fcmapRow(system: SvcSystem, mapping: CopyDto): Row {
  const source = volumeById(system, mapping.sourceVolumeId);
  const target = volumeById(system, mapping.targetVolumeId);
  const group = groupById(system, mapping.consistencyGroupId);
  const options = storwizeOptions(mapping);
  return {
    id: String(mapping.number),
    name: mapping.name,
    source_vdisk_id: source ? String(source.number) : '',
    source_vdisk_name: source?.name ?? '',
    target_vdisk_id: target ? String(target.number) : '',
    target_vdisk_name: target?.name ?? '',
    group_id: group ? String(group.number) : '',
    group_name: group?.name ?? '',
    status: mapping.state,
    progress: String(Math.floor(mapping.progress.percent)),
    copy_rate: String(options.copyRate),
    clean_progress: String(mapping.chain?.cleanProgress ?? 100),
    incremental: onOff(options.incremental),
    partner_FC_id: '',
    partner_FC_name: '',
    restoring: mapping.chain?.restoring === true ? 'yes' : 'no',
    start_time: svcTime(mapping.lastStarted),
    rc_controlled: 'no',
  };
}

export function fcmapDetail(system: SvcSystem, mapping: CopyDto): Row {
  const options = storwizeOptions(mapping);
  const row = fcmapRow(system, mapping);
  return {
    ...row,
    dependent_mappings: String(mapping.chain?.dependentMappingIds.length ?? 0),
    autodelete: onOff(options.autoDelete),
    clean_rate: String(options.cleanRate),
    difference: differencePercent(mapping),
    grain_size: String(options.grainSize),
    IO_group_id: IO_GROUP.id,
    IO_group_name: IO_GROUP.name,
    keep_target: 'no',
    type: 'generic',
    restore_progress: String(Math.floor(mapping.chain?.restoreProgress ?? 0)),
    fc_controlled: 'no',
    owner_id: '',
    owner_name: '',
  };
}

function groupStatus(group: GroupDto): string {
  return group.memberIds.length === 0 ? 'empty' : group.state;
}

function groupStartTime(system: SvcSystem, group: GroupDto): string {
  const starts = system.mappings.filter((m) => m.consistencyGroupId === group.id && m.lastStarted !== null).map((m) => m.lastStarted as string);
  return starts.length === 0 ? '' : svcTime(starts.sort().at(-1) ?? null);
}

export function fcGroupRow(system: SvcSystem, group: GroupDto): Row {
  return {
    id: String(group.number),
    name: group.name,
    status: groupStatus(group),
    autodelete: onOff(group.autoDelete),
    start_time: groupStartTime(system, group),
    owner_id: '',
    owner_name: '',
  };
}

/** The detailed view names each member; repeated keys keep the last member, as a dict built from the CLI lines would. */
export function fcGroupDetail(system: SvcSystem, group: GroupDto): { row: Row; members: Row[] } {
  const members = system.mappings.filter((m) => m.consistencyGroupId === group.id).map((m) => ({ FC_mapping_id: String(m.number), FC_mapping_name: m.name }));
  return { row: { ...fcGroupRow(system, group), ...(members.at(-1) ?? {}) }, members };
}

export function mdiskGroupRow(system: SvcSystem, pool: SvcPool, asBytes: boolean): Row {
  const volumes = system.volumes.filter((v) => v.poolId === pool.id);
  const freeBytes = pool.capacityBytes - pool.usedBytes;
  const usedPercent = pool.capacityBytes === 0n ? 0n : (pool.usedBytes * 100n) / pool.capacityBytes;
  return {
    id: String(pool.number),
    name: pool.name,
    status: 'online',
    mdisk_count: '1',
    vdisk_count: String(volumes.length),
    capacity: svcCapacity(pool.capacityBytes, asBytes),
    extent_size: '1024',
    free_capacity: svcCapacity(freeBytes, asBytes),
    virtual_capacity: svcCapacity(pool.usedBytes, asBytes),
    used_capacity: svcCapacity(pool.usedBytes, asBytes),
    real_capacity: svcCapacity(pool.usedBytes, asBytes),
    overallocation: String(usedPercent),
    warning: '80',
    easy_tier: 'auto',
    easy_tier_status: 'balanced',
    compression_active: 'no',
    compression_virtual_capacity: svcCapacity(0n, asBytes),
    compression_compressed_capacity: svcCapacity(0n, asBytes),
    compression_uncompressed_capacity: svcCapacity(0n, asBytes),
    parent_mdisk_grp_id: String(pool.number),
    parent_mdisk_grp_name: pool.name,
    child_mdisk_grp_count: '0',
    child_mdisk_grp_capacity: svcCapacity(0n, asBytes),
    type: 'parent',
    encrypt: 'no',
    owner_type: 'none',
    owner_id: '',
    owner_name: '',
    site_id: '',
    site_name: '',
    data_reduction: 'no',
  };
}

/** One array (mdisk) per pool: the pool's capacity, as a storwize with internal storage shows it. */
export function mdiskRow(system: SvcSystem, pool: SvcPool, asBytes: boolean): Row {
  return {
    id: String(pool.number),
    name: `mdisk${pool.number}`,
    status: 'online',
    mode: 'array',
    mdisk_grp_id: String(pool.number),
    mdisk_grp_name: pool.name,
    capacity: svcCapacity(pool.capacityBytes, asBytes),
    ctrl_LUN_: '',
    controller_name: '',
    UID: '',
    tier: 'tier_enterprise',
    encrypt: 'no',
    site_id: '',
    site_name: '',
    distributed: 'yes',
    dedupe: 'no',
    over_provisioned: 'no',
    supports_unmap: 'yes',
  };
}

export function nodeRow(system: SvcSystem, slot: 'A' | 'B'): Row {
  const node = NODE_OF_SLOT[slot];
  const controller = system.array.controllers.find((c) => c.slot === slot);
  return {
    id: node.id,
    name: node.name,
    UPS_serial_number: '',
    WWNN: `500507680${hex(`node:${system.array.serial}:${slot}`, 7)}`,
    status: controller?.status === 'online' ? 'online' : 'offline',
    IO_group_id: IO_GROUP.id,
    IO_group_name: IO_GROUP.name,
    config_node: yesNo(slot === (system.array.controllers.find((c) => c.status === 'online')?.slot ?? 'A')),
    UPS_unique_id: '',
    hardware: 'SV1',
    iscsi_name: `iqn.1986-03.com.ibm:2145.${system.array.name.toLowerCase()}.${node.name}`,
    iscsi_alias: '',
    panel_name: `${system.array.serial}-${node.id}`,
    enclosure_id: '1',
    canister_id: node.id,
    enclosure_serial_number: system.array.serial,
    site_id: '',
    site_name: '',
  };
}

/** SVC's four I/O groups and the recovery group; a storwize array's two nodes are in io_grp0. */
export function ioGroupRows(system: SvcSystem): Row[] {
  const online = system.array.controllers.filter((c) => c.status === 'online').length;
  const groups = [
    { id: '0', name: 'io_grp0', nodes: online, vdisks: system.volumes.length },
    { id: '1', name: 'io_grp1', nodes: 0, vdisks: 0 },
    { id: '2', name: 'io_grp2', nodes: 0, vdisks: 0 },
    { id: '3', name: 'io_grp3', nodes: 0, vdisks: 0 },
    { id: '4', name: 'recovery_io_grp', nodes: 0, vdisks: 0 },
  ];
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    node_count: String(g.nodes),
    vdisk_count: String(g.vdisks),
    host_count: '0',
    site_id: '',
    site_name: '',
  }));
}

export function systemRow(system: SvcSystem, asBytes: boolean): Row {
  return {
    id: systemId(system),
    name: system.array.name,
    location: 'local',
    partnership: '',
    total_mdisk_capacity: svcCapacity(system.array.capacityBytes, asBytes),
    space_in_mdisk_grps: svcCapacity(system.array.capacityBytes, asBytes),
    space_allocated_to_vdisks: svcCapacity(system.array.usedBytes, asBytes),
    total_free_space: svcCapacity(system.array.capacityBytes - system.array.usedBytes, asBytes),
    total_vdiskcopy_capacity: svcCapacity(system.array.usedBytes, asBytes),
    total_used_capacity: svcCapacity(system.array.usedBytes, asBytes),
    total_overallocation: system.array.capacityBytes === 0n ? '0' : String((system.array.usedBytes * 100n) / system.array.capacityBytes),
    total_vdisk_capacity: svcCapacity(system.array.usedBytes, asBytes),
    total_allocated_extent_capacity: svcCapacity(system.array.usedBytes, asBytes),
    statistics_status: 'on',
    statistics_frequency: '15',
    cluster_locale: 'en_US',
    time_zone: '522 UTC',
    code_level: '8.5.0.0 (build 157.12.2206101128000)',
    console_IP: '',
    id_alias: systemId(system),
    gm_link_tolerance: '300',
    gm_inter_cluster_delay_simulation: '0',
    gm_intra_cluster_delay_simulation: '0',
    gm_max_host_delay: '5',
    email_reply: '',
    email_contact: '',
    email_state: 'stopped',
    inventory_mail_interval: '0',
    cluster_ntp_IP_address: '',
    cluster_isns_IP_address: '',
    iscsi_auth_method: 'none',
    relationship_bandwidth_limit: '25',
    tier: 'tier_enterprise',
    tier_capacity: svcCapacity(system.array.capacityBytes, asBytes),
    tier_free_capacity: svcCapacity(system.array.capacityBytes - system.array.usedBytes, asBytes),
    easy_tier_acceleration: 'off',
    has_nas_key: 'no',
    layer: 'storage',
    rc_buffer_size: '256',
    compression_active: 'no',
    cache_prefetch: 'on',
    product_name: 'IBM Storwize V7000',
    topology: 'standard',
    topology_status: '',
    rc_auth_method: 'none',
    vdisk_protection_time: '15',
    vdisk_protection_enabled: 'no',
    product_name_serial: system.array.serial,
    odx: 'off',
    easy_tier_acceleration_status: '',
    enhanced_callhome: 'off',
    censor_callhome: 'off',
    host_unmap: 'off',
    backend_unmap: 'on',
    quorum_mode: 'standard',
    quorum_site_id: '',
    quorum_site_name: '',
    quorum_lease: 'short',
    automatic_vdisk_analysis_enabled: 'on',
    callhome_accepted_usage: 'no',
    safeguarded_copy_suspended: 'no',
  };
}
