import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../api/problem';
import { renderWithApp } from '../test/utils';
import { PaginatedTable, type Page } from './PaginatedTable';

interface Row {
  id: string;
  name: string;
}

const columns = [{ key: 'name', header: 'Name', rowHeader: true, cell: (row: Row) => row.name }];

function pages(...lists: string[][]): (cursor: string | null) => Promise<Page<Row>> {
  return vi.fn(async (cursor: string | null) => {
    const index = cursor === null ? 0 : Number(cursor);
    const names = lists[index] ?? [];
    return {
      items: names.map((name) => ({ id: name, name })),
      next_cursor: index + 1 < lists.length ? String(index + 1) : null,
    };
  });
}

function table(fetchPage: (cursor: string | null) => Promise<Page<Row>>) {
  return (
    <PaginatedTable<Row>
      queryKey={['rows', Math.random()]}
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(row) => row.id}
      caption="People"
      empty="Nobody here yet."
    />
  );
}

/** The visible value of each row header (each cell also carries its column heading for phones). */
function rowNames(grid: HTMLElement): (string | null | undefined)[] {
  return within(grid)
    .getAllByRole('rowheader')
    .map((cell) => cell.querySelector(':scope > span:last-child')?.textContent);
}

describe('PaginatedTable', () => {
  it('shows the first page, then appends the next pages while the API has a cursor', async () => {
    const fetchPage = pages(['Aled', 'Bethan'], ['Cerys', 'Dafydd'], ['Elin']);
    await renderWithApp(table(fetchPage));

    expect(screen.getByRole('status')).toHaveTextContent('Loading');
    const grid = await screen.findByRole('table', { name: 'People' });
    expect(rowNames(grid)).toEqual(['Aled', 'Bethan']);
    // On phones the column heading is repeated in each cell, hidden from screen readers.
    expect(within(grid).getByRole('rowheader', { name: 'Aled' }).querySelector('[aria-hidden="true"]')).toHaveTextContent('Name');
    expect(screen.getByText('Showing 2 so far. There are more.')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(grid).getAllByRole('rowheader')).toHaveLength(4));
    expect(fetchPage).toHaveBeenLastCalledWith('1');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(grid).getAllByRole('rowheader')).toHaveLength(5));
    expect(fetchPage).toHaveBeenLastCalledWith('2');
    expect(rowNames(grid)).toEqual([
      'Aled',
      'Bethan',
      'Cerys',
      'Dafydd',
      'Elin',
    ]);
    // The last page has no cursor: no more button, and the count says so.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('Showing all 5.')).toBeInTheDocument();
  });

  it('says so when the list is empty', async () => {
    await renderWithApp(table(pages([])));
    expect(await screen.findByText('Nobody here yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the API problem and lets the user try again', async () => {
    let calls = 0;
    const fetchPage = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new ApiProblem(403, { status: 403, title: 'Forbidden', detail: 'Only administrators can list this.' });
      return { items: [{ id: 'x', name: 'Ffion' }], next_cursor: null };
    });
    await renderWithApp(table(fetchPage));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Only administrators can list this.');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('rowheader', { name: 'Ffion' })).toBeInTheDocument();
  });

  it('keeps what it has and reports a failure to load the next page', async () => {
    const fetchPage = vi.fn(async (cursor: string | null) => {
      if (cursor === null) return { items: [{ id: 'a', name: 'Aled' }], next_cursor: 'next' };
      throw new ApiProblem(0, null);
    });
    await renderWithApp(table(fetchPage));
    await screen.findByRole('rowheader', { name: 'Aled' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Gwella');
    expect(screen.getByRole('rowheader', { name: 'Aled' })).toBeInTheDocument();
  });

  it('speaks Welsh when the page is in Welsh', async () => {
    await renderWithApp(table(pages(['Aled'], ['Bethan'])), { language: 'cy' });
    expect(await screen.findByRole('button', { name: 'Llwytho rhagor' })).toBeInTheDocument();
    expect(screen.getByText('Yn dangos 1 hyd yma. Mae rhagor.')).toBeInTheDocument();
  });
});
