/** One page of a cursor-paginated list, as every Gwella list endpoint answers. */
export interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/**
 * Follow next_cursor until the last page (for views that need everything, such as the
 * services tree). Stops after maxPages so a bug can never loop for ever.
 */
export async function fetchAllPages<T>(
  fetchPage: (cursor: string | null) => Promise<CursorPage<T>>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const result: CursorPage<T> = await fetchPage(cursor);
    items.push(...result.items);
    cursor = result.next_cursor ?? null;
    if (cursor === null) return items;
  }
  throw new Error(`More than ${maxPages} pages: narrow the list with a filter`);
}
