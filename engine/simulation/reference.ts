// The reference model of a simulation: the bytes each volume must hold, kept from the host writes
// the engine acknowledged and the copy-service semantics of docs/domain.md, independent of how the
// engine implements them. `null` means "not determined by the rules" (a mirror's S-VOL between
// syncs, a stopped copy's target); such a volume is adopted from what it reads once it settles.

export class Reference {
  private readonly bytes = new Map<string, Uint8Array | null>();

  constructor(volumes: { id: string; capacityBytes: number }[]) {
    for (const volume of volumes) this.bytes.set(volume.id, new Uint8Array(volume.capacityBytes));
  }

  /** A volume made during the run (a snapshot volume): its contents start unknown. */
  add(volumeId: string): void {
    this.bytes.set(volumeId, null);
  }

  remove(volumeId: string): void {
    this.bytes.delete(volumeId);
  }

  get(volumeId: string): Uint8Array | null {
    const value = this.bytes.get(volumeId);
    if (value === undefined) throw new Error(`reference has no volume ${volumeId}`);
    return value;
  }

  /** Sets the expected contents (copied, so later writes to either side stay apart). */
  set(volumeId: string, contents: Uint8Array | null): void {
    this.bytes.set(volumeId, contents === null ? null : Uint8Array.from(contents));
  }

  forget(volumeId: string): void {
    this.bytes.set(volumeId, null);
  }

  write(volumeId: string, offsetBytes: number, data: Uint8Array): void {
    this.get(volumeId)?.set(data, offsetBytes);
  }
}
