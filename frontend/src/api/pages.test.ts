import { describe, expect, it, vi } from 'vitest';
import { fetchAllPages } from './pages';

describe('fetchAllPages', () => {
  it('follows next_cursor to the last page', async () => {
    const fetchPage = vi.fn(async (cursor: string | null) =>
      cursor === null ? { items: [1, 2], next_cursor: 'b' } : cursor === 'b' ? { items: [3], next_cursor: 'c' } : { items: [4], next_cursor: null },
    );
    await expect(fetchAllPages(fetchPage)).resolves.toEqual([1, 2, 3, 4]);
    expect(fetchPage.mock.calls.map((c) => c[0])).toEqual([null, 'b', 'c']);
  });

  it('stops instead of looping for ever', async () => {
    const fetchPage = vi.fn(async () => ({ items: [0], next_cursor: 'again' }));
    await expect(fetchAllPages(fetchPage, 3)).rejects.toThrow('More than 3 pages');
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });
});
