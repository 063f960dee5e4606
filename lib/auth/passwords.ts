// Password hashing with argon2id (OWASP's first choice) via @node-rs/argon2; no crypto of our own.
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** OWASP's minimum argon2id parameters: 19 MiB, 2 passes, 1 lane. */
// Algorithm is an ambient const enum, which isolatedModules cannot read as a value; 2 is its Argon2id.
const ARGON2ID: Algorithm = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// The rules live in a module the browser can load too; they are re-exported here for the server.
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, Password, Username } from './credential-rules';

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verifying against a real hash when the user does not exist keeps "unknown user" and "wrong
// password" equally slow, so response time does not reveal which usernames exist.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoyHash ??= hashPassword('grainline-decoy-password');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}
