// What NBD exports are in Grainline: every volume, by id or name, opened with an API token.
//
// Export names: `<volume>?token=<API token>`, where <volume> is the volume's id, its name when no
// other array has a volume of that name, or `<array>/<volume>`. In an nbd:// URI the `?` and `=`
// are percent-encoded (`nbd://localhost/vol1%3Ftoken%3Dgl_…`) so the client sends them as part of
// the name. The token's role decides: monitors get read-only exports; operators and admins
// read-write ones, whose writes still obey the copy services (an S-VOL in PAIR refuses with EPERM).
// Every request goes through the same host I/O path as the REST data endpoint (lib/services/host-io.ts):
// access rules, copy-on-write, marks saved before data, the counters. A write with FUA, or one
// followed by an acknowledged FLUSH, is durable (fdatasync, shared with other writers); without,
// it is visible to reads at once and durable at the next flush, as NBD allows.
import { isEngineError } from '../../engine/errors';
import { roleMay } from '../auth/roles';
import { resolveToken } from '../auth/tokens';
import { ApiError } from '../http/api-error';
import type { Runtime } from '../runtime';
import { recordEvent } from '../services/events';
import { countRefusal, readVolume, writeApplied } from '../services/host-io';
import { NbdIoError, NbdRefusal, type NbdBackend, type NbdExport } from './connection';
import { ERRNO, REP } from './protocol';

/** A token revoked while a host is attached ends its access within this long. */
const TOKEN_RECHECK_MS = 1_000;
const ZEROES_PIECE_BYTES = 1024 * 1024;
const ZEROES = new Uint8Array(ZEROES_PIECE_BYTES);

export function exportNameHelp(): string {
  return 'name the export "<volume id or name>?token=<API token>" (percent-encode ? and = in an nbd:// URI)';
}

/** The errno a refused request gets: offline or failed volumes EIO, refused access EPERM. */
function errnoOf(runtime: Runtime, volumeId: string, error: unknown): number {
  const status = isEngineError(error) ? null : error instanceof ApiError ? error.status : null;
  if (isEngineError(error)) {
    if (error.kind === 'invalid') return ERRNO.EINVAL;
    if (error.kind === 'not-found' || error.kind === 'busy') return ERRNO.EIO;
    const volume = runtime.engine.fleet.volume(volumeId);
    // 'locked' covers both a volume no host may reach now (offline, I/O error) and access rules.
    return volume === undefined || volume.status !== 'online' || /offline|I\/O error/.test(error.message) ? ERRNO.EIO : ERRNO.EPERM;
  }
  if (status === 400) return ERRNO.EINVAL;
  if (status === 403 || status === 409 || status === 423) return ERRNO.EPERM;
  return ERRNO.EIO;
}

export function grainlineExports(runtime: Runtime, peer: { address: string }): NbdBackend {
  const log = runtime.log.child({ nbd: peer.address });
  const record = (kind: string, volumeId: string | null, actor: string, details: Record<string, string | number | boolean>) => {
    const volume = volumeId === null ? undefined : runtime.engine.fleet.volume(volumeId);
    recordEvent(runtime.db, {
      kind,
      subjectType: volume === undefined ? 'request' : 'volume',
      subjectId: volume?.id ?? `NBD ${String(details.export ?? '')}`.slice(0, 600),
      arrayId: volume?.arrayId ?? null,
      actor,
      details: { address: peer.address, ...details },
    }).catch((error: unknown) => log.error({ err: error }, 'could not record an NBD event'));
  };

  const refuse = (reply: number, message: string, exportName: string, actor = 'anonymous', volumeId: string | null = null): never => {
    record('nbd.refused', volumeId, actor, { export: exportName.slice(0, 200), message });
    throw new NbdRefusal(reply, message);
  };

  return {
    list() {
      return [...runtime.engine.fleet.allVolumes()].map((volume) => ({
        name: volume.name,
        description: `${volume.id} on ${runtime.engine.fleet.array(volume.arrayId)?.name ?? volume.arrayId}`,
      }));
    },

    async open(name, purpose) {
      const at = name.indexOf('?');
      const volumeRef = at < 0 ? name : name.slice(0, at);
      // The name before the query, never the token, goes into the log.
      const shown = volumeRef;
      const secret = at < 0 ? null : new URLSearchParams(name.slice(at + 1)).get('token');
      if (secret === null || secret === '') {
        // Looking costs nothing (LIST already names every volume): `nbdinfo --list` shows sizes.
        const looked = purpose === 'info' ? findVolume(runtime, volumeRef) : null;
        if (looked !== null && typeof looked !== 'string') return infoOnly(looked);
        return refuse(REP.ERR_POLICY, `an API token is required: ${exportNameHelp()}`, shown);
      }
      const token = await resolveToken(runtime.db, secret, new Date(), true);
      if (token === null) return refuse(REP.ERR_POLICY, 'the API token is unknown, revoked or expired', shown);
      const volume = findVolume(runtime, volumeRef);
      if (typeof volume === 'string') return refuse(REP.ERR_UNKNOWN, volume, shown, token.user.username);
      const readOnly = !roleMay(token.user.role, 'operate');
      const description = `${volume.name} (${volume.id})${readOnly ? ', read-only: the token is a monitor’s' : ''}`;
      let closeConnection: (() => void) | null = null;
      if (purpose === 'transmission') {
        closeConnection = runtime.hostIo.counters.connected(volume.id, {
          protocol: 'nbd',
          user: token.user.username,
          address: peer.address,
          readOnly,
          sinceIso: new Date().toISOString(),
        });
        record('nbd.connected', volume.id, token.user.username, { name: volume.name, readOnly, via: `token ${token.tokenName}` });
      }
      return new VolumeExport(runtime, volume.id, Number(volume.capacityBytes), readOnly, description, secret, () => {
        if (closeConnection === null) return;
        closeConnection();
        closeConnection = null;
        record('nbd.disconnected', volume.id, token.user.username, { name: volume.name });
      });
    },
  };
}

/** An export for NBD_OPT_INFO without a token: its size, read-only, and nothing else. */
function infoOnly(volume: { id: string; name: string; capacityBytes: bigint | number }): NbdExport {
  const refused = () => Promise.reject(new NbdIoError(ERRNO.EPERM, 'an API token is required'));
  return {
    sizeBytes: Number(volume.capacityBytes),
    readOnly: true,
    description: `${volume.name} (${volume.id}): ${exportNameHelp()}`,
    read: refused,
    write: refused,
    writeZeroes: refused,
    flush: refused,
    close: () => undefined,
  };
}

/** The volume an export name's first part names, or why there is none. */
function findVolume(runtime: Runtime, ref: string): { id: string; name: string; capacityBytes: bigint | number } | string {
  const fleet = runtime.engine.fleet;
  const byId = fleet.volume(ref);
  if (byId !== undefined) return byId;
  const slash = ref.indexOf('/');
  if (slash > 0) {
    const arrayRef = ref.slice(0, slash);
    const volumeName = ref.slice(slash + 1);
    const found = [...fleet.allVolumes()].find((v) => v.name === volumeName && (v.arrayId === arrayRef || fleet.array(v.arrayId)?.name === arrayRef));
    return found ?? `no volume "${volumeName}" on array "${arrayRef}"`;
  }
  const named = [...fleet.allVolumes()].filter((v) => v.name === ref);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) return `${named.length} arrays have a volume "${ref}": name it "<array>/${ref}" or by id`;
  return `no volume "${ref}": ${exportNameHelp()}`;
}

class VolumeExport implements NbdExport {
  private tokenCheckedAtMs = Date.now();

  constructor(
    private readonly runtime: Runtime,
    private readonly volumeId: string,
    readonly sizeBytes: number,
    readonly readOnly: boolean,
    readonly description: string,
    private readonly secret: string,
    readonly close: () => void,
  ) {}

  /** A revoked token ends the host's access: the client sees ESHUTDOWN. */
  private async checkToken(): Promise<void> {
    const nowMs = Date.now();
    if (nowMs - this.tokenCheckedAtMs < TOKEN_RECHECK_MS) return;
    this.tokenCheckedAtMs = nowMs;
    if ((await resolveToken(this.runtime.db, this.secret, new Date(nowMs), true)) === null) {
      throw new NbdIoError(ERRNO.ESHUTDOWN, 'the API token was revoked or expired');
    }
  }

  private async guarded<T>(work: () => Promise<T> | T): Promise<T> {
    await this.checkToken();
    try {
      return await work();
    } catch (error) {
      if (error instanceof NbdIoError) throw error;
      countRefusal(this.runtime, this.volumeId, error);
      throw new NbdIoError(errnoOf(this.runtime, this.volumeId, error), error instanceof Error ? error.message : String(error));
    }
  }

  read(offsetBytes: number, lengthBytes: number): Promise<Uint8Array> {
    if (lengthBytes === 0) return Promise.resolve(new Uint8Array(0));
    return this.guarded(() => readVolume(this.runtime, this.volumeId, offsetBytes, lengthBytes));
  }

  write(offsetBytes: number, data: Uint8Array): Promise<void> {
    if (data.length === 0) return Promise.resolve();
    return this.guarded(() => writeApplied(this.runtime, this.volumeId, offsetBytes, data));
  }

  writeZeroes(offsetBytes: number, lengthBytes: number): Promise<void> {
    return this.guarded(async () => {
      for (let done = 0; done < lengthBytes; done += ZEROES_PIECE_BYTES) {
        const pieceBytes = Math.min(ZEROES_PIECE_BYTES, lengthBytes - done);
        await writeApplied(this.runtime, this.volumeId, offsetBytes + done, ZEROES.subarray(0, pieceBytes));
      }
    });
  }

  /** Every write applied so far, from any connection (the export says CAN_MULTI_CONN), made durable. */
  flush(): Promise<void> {
    return this.guarded(() => this.runtime.hostIo.syncs.sync(this.volumeId));
  }
}
