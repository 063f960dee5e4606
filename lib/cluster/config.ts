// A node's identity and lease settings from the environment (README, Configuration).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { VendorPortNumbers } from '../vendor/ports';
import type { NodeIdentity } from './membership';

export const DEFAULT_LEASE_MS = 5_000;

export function leaseMsFromEnv(): number {
  const raw = process.env.GRAINLINE_LEASE_MS;
  if (raw === undefined || raw === '') return DEFAULT_LEASE_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1_000 || value > 600_000) throw new Error(`GRAINLINE_LEASE_MS must be an integer 1000-600000, got "${raw}"`);
  return value;
}

/** A fresh id per process start: a restarted node is a new member, never mistaken for its old self. */
export function nodeIdentity(port: number, vendorPorts: VendorPortNumbers): NodeIdentity {
  const name = process.env.GRAINLINE_NODE_NAME || `${os.hostname()}:${port}`;
  const url = process.env.GRAINLINE_NODE_URL || `http://127.0.0.1:${port}`;
  return { id: `${name.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 64)}-${randomBytes(4).toString('hex')}`, name, url, vendorPorts };
}
