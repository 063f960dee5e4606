// What an SVC command answers, before REST (JSON) or the CLI (text) renders it.
import type { Row } from './views';

export type SvcOutput =
  /** A listing: the concise view, one row per object. */
  | { kind: 'concise'; rows: Row[] }
  /** One object's detailed view; `repeated` are lines the CLI prints once per member (a group's mappings). */
  | { kind: 'detail'; row: Row; repeated?: Row[] }
  /** `lsvdisk <id>`: the volume's view then its copies', a list over REST. */
  | { kind: 'detail-list'; rows: Row[] }
  /** mk* commands: the new object's id and the sentence the CLI prints. */
  | { kind: 'created'; id: string; message: string }
  /** Tasks that print nothing on success. */
  | { kind: 'done' };
