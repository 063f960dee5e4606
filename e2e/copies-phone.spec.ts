// The Copies page on a phone (390×844): every relationship is a card, nothing scrolls sideways,
// each card names the copy and has labelled Service, Source, Target, State and Progress lines (rate
// and ETA under the bar while it copies), a long volume name wraps rather than being cut, the
// Actions menu works (Prepare acts, Remove asks first) and a card's checkbox selects it for the
// bulk toolbar. Screenshots in light and dark are saved with the test's output, to look at.
import { type Locator, type Page } from '@playwright/test';
import { MAX_VOLUME_NAME_LENGTH } from '../lib/api/fleet-schemas';
import { advance, arrayOf, createVolume, setSpeed, type VolumeBody } from './support/fleet';
import { expect, test } from './support/test';

const GIB = 1024 * 1024 * 1024;
const LINES = ['Service', 'Array', 'Source', 'Target', 'State', 'Progress'] as const;

interface CopyCase {
  model: 'storwize' | 'xp7' | 'santricity';
  type: 'flashcopy' | 'shadowimage' | 'volume-copy';
  service: string;
  start: boolean;
  /** The source's name is the longest the API allows, to see it wrap on the card. */
  longSource: boolean;
}

const CASES: CopyCase[] = [
  { model: 'storwize', type: 'flashcopy', service: 'FlashCopy mapping', start: false, longSource: false },
  { model: 'xp7', type: 'shadowimage', service: 'ShadowImage', start: true, longSource: false },
  { model: 'santricity', type: 'volume-copy', service: 'Volume Copy', start: true, longSource: true },
];

interface CreatedCopy {
  id: string;
  name: string;
  service: string;
  arrayName: string;
  source: VolumeBody;
  target: VolumeBody;
}

const stamp = `phone_${Date.now().toString(36)}`;
const created: CreatedCopy[] = [];
const volumeIds: string[] = [];
let previousSpeed: number | 'max' = 1;

test.beforeAll(async ({ request }) => {
  previousSpeed = ((await (await request.get('/api/simulation')).json()) as { speed: number | 'max' }).speed;
  // Paused, then stepped a few seconds: the copies that start are mid-copy, with a rate and an ETA,
  // and stay so while the page is looked at.
  await setSpeed(request, 0);
  for (const [index, copyCase] of CASES.entries()) {
    const array = await arrayOf(request, copyCase.model);
    const sourceName = copyCase.longSource ? `${stamp}_${index}_src_`.padEnd(MAX_VOLUME_NAME_LENGTH, 'x') : `${stamp}_${index}_src`;
    const source = await createVolume(request, array.id, sourceName, 64 * GIB);
    const target = await createVolume(request, array.id, `${stamp}_${index}_tgt`, 64 * GIB);
    volumeIds.push(source.id, target.id);
    const response = await request.post('/api/copies', {
      data: { type: copyCase.type, sourceVolumeId: source.id, targetVolumeId: target.id, ...(copyCase.start ? {} : { start: false }) },
    });
    expect(response.status(), await response.text()).toBe(201);
    const copy = (await response.json()) as { id: string; name: string };
    created.push({ id: copy.id, name: copy.name, service: copyCase.service, arrayName: array.name, source, target });
  }
  await advance(request, 3);
});

test.afterAll(async ({ request }) => {
  await request.put('/api/simulation', { data: { speed: previousSpeed } });
  for (const copy of created) {
    await request.post(`/api/copies/${copy.id}/actions/stop`, { data: {} });
    await request.delete(`/api/copies/${copy.id}`);
  }
  for (const id of volumeIds) await request.delete(`/api/volumes/${id}`);
});

function cardOf(page: Page, copy: CreatedCopy): Locator {
  return page
    .getByRole('table', { name: 'Copy relationships' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: copy.name, exact: true }) });
}

/** The card's labelled lines as drawn: each cell's label (its ::before) and its text. */
async function linesOf(card: Locator): Promise<{ label: string; text: string; display: string }[]> {
  return card.locator('td[data-label]').evaluateAll((cells) =>
    cells.map((cell) => ({
      label: getComputedStyle(cell, '::before').content.replace(/^"|"$/g, ''),
      text: (cell as HTMLElement).innerText.trim(),
      display: getComputedStyle(cell).display,
    })),
  );
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(widths.scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(widths.clientWidth);
  // Nor does any box inside it (the list's own box included).
  const scrollers = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX))
      .filter((element) => element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
      .map((element) => `<${element.tagName.toLowerCase()} ${element.getAttribute('aria-label') ?? element.className.toString().slice(0, 60)}>`),
  );
  expect(scrollers).toEqual([]);
}

test('at 390×844 each copy is a card: labelled lines, wrapped names, actions, selection, no sideways scroll', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/copies?q=${stamp}`);
  await expect(page.getByTestId('copy-count')).toContainText(`${CASES.length} of`);
  await expect(page.locator('[role="status"][aria-label^="Loading"]')).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  // As the page opens: the sort buttons above the list, then the first cards.
  await page.screenshot({ path: test.info().outputPath('copies-phone-light.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: test.info().outputPath('copies-phone-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);

  for (const copy of created) {
    const card = cardOf(page, copy);
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByRole('link', { name: copy.name, exact: true })).toBeVisible();
    const lines = await linesOf(card);
    expect(
      lines.map((line) => line.label),
      `${copy.name}: its lines, in order`,
    ).toEqual([...LINES]);
    for (const line of lines) expect(line.display, `${copy.name}: the ${line.label} line is a line of the card`).toBe('flex');
    const text = Object.fromEntries(lines.map((line) => [line.label, line.text]));
    expect(text.Service).toBe(copy.service);
    expect(text.Array).toBe(copy.arrayName);
    expect(text.Source).toBe(copy.source.name);
    expect(text.Target).toBe(copy.target.name);
    expect(text.State).not.toBe('');
    expect(text.Progress).toMatch(/\d+\.\d%/);
    // The whole card is on screen across: nothing cut on the right.
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390, `${copy.name}'s card fits the width`).toBe(true);
    await expect(card.getByRole('button', { name: /^Actions for/ })).toBeInViewport({ ratio: 1 });
  }

  // A long name wraps on the card instead of being cut (the table truncates it, with the name on hover).
  const long = created[2]!;
  const longSource = cardOf(page, long).locator('td[data-label="Source"]').getByRole('link');
  const sourceBox = await longSource.boundingBox();
  expect(sourceBox?.height ?? 0, 'the long name takes more than one line').toBeGreaterThan(20);
  expect(await longSource.evaluate((link) => link.scrollWidth <= link.clientWidth + 1)).toBe(true);
  // The copy that is copying shows its rate and ETA under the bar.
  await expect(cardOf(page, long).getByTestId('copy-card-rate')).toHaveText(/\/s · ETA \d/);

  // Actions: Prepare (it changes no data) acts at once; Remove asks first, and Cancel keeps the copy.
  const mapping = created[0]!;
  const mappingCard = cardOf(page, mapping);
  await mappingCard.scrollIntoViewIfNeeded();
  await mappingCard.getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: /^Prepare/ }).click();
  await expect(mappingCard.locator('td[data-label="State"]')).toHaveText('preparing');
  expect(((await (await request.get(`/api/copies/${mapping.id}`)).json()) as { state: string }).state).toBe('preparing');

  const pair = created[1]!;
  const pairCard = cardOf(page, pair);
  await pairCard.scrollIntoViewIfNeeded();
  await pairCard.getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Remove relationship…' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(pair.name);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(pairCard).toBeVisible();

  // A card's checkbox selects its copy for the bulk toolbar, which stays in sight above the list.
  const longCard = cardOf(page, long);
  await longCard.scrollIntoViewIfNeeded();
  await longCard.getByRole('checkbox', { name: /^Select / }).check();
  await expect(page.getByTestId('selection-count')).toHaveText('1 copy selected');
  await expect(page.getByRole('toolbar', { name: 'Bulk actions' })).toBeInViewport();
  await expect(longCard).toHaveAttribute('aria-selected', 'true');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('copies-phone-selected.png'), fullPage: true });
});
