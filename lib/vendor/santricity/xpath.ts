// graph/xpath-filter?query=…: the subset of XPath SANtricity clients send against the object graph —
// absolute child steps, each optionally filtered by one [field='value'] predicate — e.g.
// /controller/id (every controller's id) or /volume[name='db01']/wwn. Lists are stepped into, so
// every step yields all matches; the answer is always a list, empty when nothing matches.
import { badRequest } from './errors';

interface Step {
  name: string;
  predicate?: { field: string; value: string };
}

const STEP = /^([A-Za-z_][\w-]*)(?:\[([A-Za-z_][\w-]*)=(?:'([^']*)'|"([^"]*)")\])?$/;
const STEPS_MAX = 16;
const QUERY_CHARS_MAX = 512;

function parseQuery(query: string): Step[] {
  if (query.length > QUERY_CHARS_MAX || !query.startsWith('/')) throw badRequest('the query must be an absolute path such as /controller/id');
  const parts = query.slice(1).split('/');
  if (parts.length > STEPS_MAX) throw badRequest(`the query may have at most ${STEPS_MAX} steps`);
  return parts.map((part) => {
    const match = STEP.exec(part);
    if (!match) throw badRequest(`unsupported query step "${part.slice(0, 64)}": use name or name[field='value']`);
    const [, name, field, single, double] = match;
    const value = single ?? double;
    return { name: name as string, ...(field !== undefined && value !== undefined ? { predicate: { field, value } } : {}) };
  });
}

function children(node: unknown, name: string): unknown[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, name)) return [];
  const value = (node as Record<string, unknown>)[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function matches(node: unknown, predicate: Step['predicate']): boolean {
  if (predicate === undefined) return true;
  if (typeof node !== 'object' || node === null) return false;
  const value = (node as Record<string, unknown>)[predicate.field];
  return value !== undefined && value !== null && String(value) === predicate.value;
}

export function evaluateXpath(root: unknown, query: string): unknown[] {
  let nodes: unknown[] = [root];
  for (const step of parseQuery(query)) {
    nodes = nodes.flatMap((node) => children(node, step.name)).filter((node) => matches(node, step.predicate));
  }
  return nodes;
}
