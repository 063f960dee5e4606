'use client';
// The Create button's work: a new consistency group first when one was asked for (remembered in
// the URL at once, so a retry does not make a second), then every pair in order; afterwards the
// lists the new copies and volumes appear in are refreshed.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '@/lib/client/api-error';
import { createPairs, type CopyRequest, type PairOutcome, type PairRequest, type WizardApi } from '@/lib/client/create-pairs';
import { deleteResource, postJson } from '@/lib/client/fetch-json';
import { queryKeys } from '@/lib/client/query-keys';
import type { Copy, Volume } from '@/lib/client/types';
import { createConsistencyGroup } from '@/lib/client/use-consistency-groups';
import { invalidateAfterCopyChange } from '@/lib/client/use-copy-mutations';

const api: WizardApi = {
  createVolume: (body) => postJson<Volume>('/api/volumes', body),
  deleteVolume: (id) => deleteResource(`/api/volumes/${encodeURIComponent(id)}`),
  createCopy: (body) => postJson<Copy>('/api/copies', body),
};

export type CreateResult = { kind: 'group-failed'; message: string } | { kind: 'done'; outcomes: PairOutcome[] };

export interface CreatePlan {
  requests: PairRequest[];
  copy: Omit<CopyRequest, 'sourceVolumeId' | 'targetVolumeId' | 'consistencyGroupId'>;
  /** Existing group id, a new group to create on this array, or none. */
  group: { kind: 'existing'; id: string } | { kind: 'new'; arrayId: string; name: string } | null;
  onGroupCreated: (groupId: string) => void;
}

export function useCreateCopies() {
  const client = useQueryClient();
  const [pending, setPending] = useState(false);

  async function create(plan: CreatePlan): Promise<CreateResult> {
    setPending(true);
    try {
      let groupId: string | undefined;
      if (plan.group?.kind === 'new') {
        try {
          groupId = (await createConsistencyGroup(plan.group.arrayId, plan.group.name)).id;
          plan.onGroupCreated(groupId);
        } catch (error) {
          return { kind: 'group-failed', message: `Consistency group ${plan.group.name} could not be created: ${errorMessage(error)}` };
        }
      } else if (plan.group?.kind === 'existing') {
        groupId = plan.group.id;
      }
      const outcomes = await createPairs(api, plan.requests, { ...plan.copy, ...(groupId === undefined ? {} : { consistencyGroupId: groupId }) });
      return { kind: 'done', outcomes };
    } finally {
      await Promise.all([
        invalidateAfterCopyChange(client),
        client.invalidateQueries({ queryKey: queryKeys.arrays }),
        client.invalidateQueries({ queryKey: queryKeys.consistencyGroups }),
      ]);
      setPending(false);
    }
  }

  return { create, pending };
}
