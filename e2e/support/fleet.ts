// The demo fleet as specs reach it through the API: an array by model, names no other spec
// sharing the server picks, volumes made and written, the simulation paced and stepped.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './test';

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

export interface VolumeBody {
  id: string;
  name: string;
}

/** A volume of `capacityBytes` on the array, created through the API (201 expected). */
export async function createVolume(
  request: APIRequestContext,
  arrayId: string,
  name: string,
  capacityBytes: number,
  extra: Record<string, unknown> = {},
): Promise<VolumeBody> {
  const response = await request.post('/api/volumes', { data: { arrayId, name, capacityBytes, ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as VolumeBody;
}

/** `lengthBytes` of `fill` written at `offsetBytes`, as a host would (204 expected). */
export async function writeBytes(request: APIRequestContext, volumeId: string, offsetBytes: number, lengthBytes: number, fill: number): Promise<void> {
  const response = await request.put(`/api/volumes/${volumeId}/data?offset=${offsetBytes}`, {
    data: Buffer.alloc(lengthBytes, fill),
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(response.status(), await response.text()).toBe(204);
}

export async function setSpeed(request: APIRequestContext, speed: number | 'max'): Promise<void> {
  expect((await request.put('/api/simulation', { data: { speed } })).status()).toBe(200);
}

/** Steps the paused simulation. */
export async function advance(request: APIRequestContext, seconds: number): Promise<void> {
  expect((await request.post('/api/simulation/advance', { data: { seconds } })).status()).toBe(200);
}

/**
 * Specs that pause or speed up the shared server's simulation put its speed back when they end,
 * so the next spec meets the clock as it was. Call once at the top level of a spec file.
 */
export function restoreSpeedAfterAll(): void {
  let previousSpeed: number | 'max' = 1;
  test.beforeAll(async ({ request }) => {
    previousSpeed = ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
  });
  test.afterAll(async ({ request }) => {
    await setSpeed(request, previousSpeed);
  });
}

/** A page opened and its live connection up, so pushes reach it from here on. */
export async function openLive(page: Page, path: string, timeoutMs = 30_000): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: timeoutMs });
}

/** The wizard's Next, waiting until the step's title changes. */
export async function nextStep(page: Page): Promise<void> {
  const before = (await page.getByTestId('wizard-step-title').textContent()) ?? '';
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByTestId('wizard-step-title')).not.toHaveText(before);
}
