/** A volume's own page. */
export function volumeHref(volumeId: string): string {
  return `/volumes/${encodeURIComponent(volumeId)}`;
}
