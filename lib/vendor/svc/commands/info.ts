// The ls commands: Grainline's fleet in SVC's views. Listings of things the simulated arrays do
// not have (hosts, replication, cloud, …) are empty, so inventory tools that gather everything
// (ibm_svc_info with gather_subset all) get a truthful answer instead of an error.
import { listUsers } from '../../../services/users';
import type { Role } from '../../../auth/roles';
import { byIdOrName, listing, LIST_OPTIONS, noneOf } from './listing';
import type { SvcCommand } from './context';
import { notFound } from '../errors';
import {
  NODE_OF_SLOT,
  fcGroupDetail,
  fcGroupRow,
  fcmapDetail,
  fcmapRow,
  ioGroupRows,
  mdiskGroupRow,
  mdiskRow,
  nodeRow,
  systemRow,
  vdiskCopyRow,
  vdiskDetail,
  vdiskRow,
  type Row,
} from '../views';
import { flagOption } from '../invocation';

/** Grainline roles as SVC user groups (ids as on a fresh system). */
const USER_GROUP_OF_ROLE: Record<Role, { id: string; name: string }> = {
  admin: { id: '1', name: 'Administrator' },
  operator: { id: '2', name: 'CopyOperator' },
  monitor: { id: '4', name: 'Monitor' },
};
const USER_GROUPS: Row[] = [
  { id: '0', name: 'SecurityAdmin', role: 'SecurityAdmin', remote: 'no', owner_id: '', owner_name: '' },
  { id: '1', name: 'Administrator', role: 'Administrator', remote: 'no', owner_id: '', owner_name: '' },
  { id: '2', name: 'CopyOperator', role: 'CopyOperator', remote: 'no', owner_id: '', owner_name: '' },
  { id: '3', name: 'Service', role: 'Service', remote: 'no', owner_id: '', owner_name: '' },
  { id: '4', name: 'Monitor', role: 'Monitor', remote: 'no', owner_id: '', owner_name: '' },
  { id: '5', name: 'RestrictedAdmin', role: 'RestrictedAdmin', remote: 'no', owner_id: '', owner_name: '' },
];

const lssystem: SvcCommand = {
  kind: 'info',
  options: LIST_OPTIONS,
  run: async ({ system, invocation }) => ({ kind: 'detail', row: systemRow(system, flagOption(invocation, 'bytes')) }),
};

const lsnode = listing({
  what: 'node',
  items: ({ system }) => system.array.controllers.map((c) => c.slot),
  matches: (slot, reference) => NODE_OF_SLOT[slot].id === reference || NODE_OF_SLOT[slot].name === reference,
  concise: ({ system }, slot) => nodeRow(system, slot),
});

const lsuser: SvcCommand = {
  kind: 'info',
  options: LIST_OPTIONS,
  run: async (context) => {
    const users = await listUsers(context.system.runtime);
    const rows = users.map((user, index) => {
      const group = USER_GROUP_OF_ROLE[user.role];
      return {
        id: String(index),
        name: user.username,
        password: 'yes',
        ssh_key: 'no',
        remote: 'no',
        usergrp_id: group.id,
        usergrp_name: group.name,
        owner_id: '',
        owner_name: '',
        locked: 'no',
        locked_until: '',
        password_expiry_time: '',
        password_change_required: 'no',
      };
    });
    const reference = context.invocation.object;
    if (reference === null) return { kind: 'concise', rows };
    const row = rows.find((r) => r.id === reference || r.name === reference);
    if (row === undefined) throw notFound(`no user "${reference}"`);
    return { kind: 'detail', row };
  },
};

export const INFO_COMMANDS: Record<string, SvcCommand> = {
  lssystem,
  lscluster: lssystem,
  lsnode,
  lsnodecanister: lsnode,
  lsiogrp: listing({
    what: 'I/O group',
    items: ({ system }) => ioGroupRows(system),
    matches: (row, ref) => row.id === ref || row.name === ref,
    concise: (_c, row) => row,
  }),
  lsmdiskgrp: listing({
    what: 'storage pool',
    items: ({ system }) => system.pools,
    matches: byIdOrName,
    concise: ({ system }, pool, bytes) => mdiskGroupRow(system, pool, bytes),
  }),
  lsmdisk: listing({
    what: 'MDisk',
    items: ({ system }) => system.pools,
    matches: (pool, ref) => String(pool.number) === ref || `mdisk${pool.number}` === ref,
    concise: ({ system }, pool, bytes) => mdiskRow(system, pool, bytes),
  }),
  lsvdisk: listing({
    what: 'vdisk',
    items: ({ system }) => system.volumes,
    matches: byIdOrName,
    concise: ({ system }, volume, bytes) => vdiskRow(system, volume, bytes),
    detail: ({ system }, volume, bytes) => ({ kind: 'detail-list', rows: vdiskDetail(system, volume, bytes) }),
  }),
  lsvdiskcopy: listing({
    what: 'vdisk',
    items: ({ system }) => system.volumes,
    matches: byIdOrName,
    concise: ({ system }, volume, bytes) => vdiskCopyRow(system, volume, bytes),
  }),
  lsvdiskaccess: listing({
    what: 'vdisk',
    items: ({ system }) => system.volumes,
    matches: byIdOrName,
    concise: (_context, volume) => ({ vdisk_id: String(volume.number), vdisk_name: volume.name, IO_group_id: '0', IO_group_name: 'io_grp0' }),
    detail: (_context, volume) => ({
      kind: 'concise',
      rows: [{ vdisk_id: String(volume.number), vdisk_name: volume.name, IO_group_id: '0', IO_group_name: 'io_grp0' }],
    }),
  }),
  lsfcmap: listing({
    what: 'FlashCopy mapping',
    items: ({ system }) => system.mappings,
    matches: byIdOrName,
    concise: ({ system }, m) => fcmapRow(system, m),
    detail: ({ system }, m) => ({ kind: 'detail', row: fcmapDetail(system, m) }),
  }),
  lsfcconsistgrp: listing({
    what: 'FlashCopy consistency group',
    items: ({ system }) => system.groups,
    matches: byIdOrName,
    concise: ({ system }, g) => fcGroupRow(system, g),
    detail: ({ system }, g) => {
      const { row, members } = fcGroupDetail(system, g);
      return { kind: 'detail', row, repeated: members };
    },
  }),
  lsuser,
  lsusergrp: listing({ what: 'user group', items: () => USER_GROUPS, matches: (row, ref) => row.id === ref || row.name === ref, concise: (_c, row) => row }),
  // Things the simulated arrays do not have: no hosts, no host mappings, no remote copy, no cloud.
  ...Object.fromEntries(
    [
      'lshost',
      'lshostvdiskmap',
      'lsvdiskhostmap',
      'lshostcluster',
      'lsfabric',
      'lsportfc',
      'lsportip',
      'lstargetportfc',
      'lsrcrelationship',
      'lsrcconsistgrp',
      'lsarray',
      'lsdrive',
      'lsownershipgroup',
      'lspartnership',
      'lsreplicationpolicy',
      'lscloudaccount',
      'lscloudaccountusage',
      'lscloudaccountimportcandidate',
      'lsldapserver',
      'lsvolumebackup',
      'lsvolumebackupgeneration',
      'lssnapshotpolicy',
      'lssnapshotschedule',
      'lsvolumegroup',
      'lsvolumegroupsnapshotpolicy',
      'lsvolumesnapshot',
      'lsvolumegroupsnapshot',
      'lsdnsserver',
      'lssystemcert',
      'lstruststore',
      'lssra',
      'lssyslogserver',
      'lsemailserver',
      'lsemailuser',
      'lsprovisioningpolicy',
      'lscloudcallhome',
      'lsip',
      'lsportset',
      'lssafeguardedpolicy',
      'lssafeguardedschedule',
      'lseventlog',
      'lsenclosurestats',
      'lsenclosure',
      'lsquorum',
      'lsiscsiauth',
    ].map((command) => [command, noneOf(command.slice(2))]),
  ),
};
