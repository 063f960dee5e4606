// What the facts modules read: the object graph (and XPath over it), the hardware inventory, and
// the two stores Grainline does not have — workload tags and the key-value database — as empty lists.
import { ok, type Reply, type SantricityContext } from './context';
import { badRequest } from './errors';
import { arrayGraph, hardwareInventory } from './graph';
import { arrayOf, standardVolumesOf } from './systems';
import { evaluateXpath } from './xpath';

async function graphOf(context: SantricityContext) {
  const array = await arrayOf(context);
  return arrayGraph(array, await standardVolumesOf(context.runtime, array));
}

export async function getGraph(context: SantricityContext): Promise<Reply> {
  return ok(await graphOf(context));
}

export async function filterGraph(context: SantricityContext): Promise<Reply> {
  const query = context.query.get('query');
  if (query === null || query === '') throw badRequest('the query parameter query is required, e.g. query=/controller/id');
  return ok(evaluateXpath(await graphOf(context), query));
}

export async function getHardwareInventory(context: SantricityContext): Promise<Reply> {
  return ok(hardwareInventory(await arrayOf(context)));
}

export async function listWorkloads(context: SantricityContext): Promise<Reply> {
  await arrayOf(context);
  return ok([]);
}

export async function listKeyValues(): Promise<Reply> {
  return ok([]);
}
