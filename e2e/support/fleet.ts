// The demo fleet as specs reach it through the API: an array by model, and names no other spec
// sharing the server picks.
import type { APIRequestContext } from '@playwright/test';

export interface ArrayBody {
  id: string;
  name: string;
  model: string;
}

export async function arrayOf(request: APIRequestContext, model: string): Promise<ArrayBody> {
  const arrays = (await (await request.get('/api/arrays')).json()) as ArrayBody[];
  const found = arrays.find((candidate) => candidate.model === model);
  if (found === undefined) throw new Error(`the demo fleet has a ${model} array`);
  return found;
}

let counter = 0;

/** `<prefix>_<label>_<time>_<n>`: unique among the specs sharing one server. */
export function uniqueName(prefix: string, label: string): string {
  counter += 1;
  return `${prefix}_${label}_${Date.now().toString(36)}_${counter}`;
}
