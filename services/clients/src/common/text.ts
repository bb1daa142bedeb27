/** Lower-case, accent-free text for case and accent insensitive search ("Núñez" ~ "nunez"). */
export function searchable(...parts: Array<string | undefined | null>): string {
  return parts
    .filter((p): p is string => !!p)
    .join(' ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** A LIKE pattern that matches `query` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(query: string): string {
  return `%${searchable(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
