import { useId, type ReactNode } from 'react';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Empty, LoadError, Loading } from './status';

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (rendered as a row header). */
  rowHeader?: boolean;
  numeric?: boolean;
}

interface PaginatedTableProps<T> {
  queryKey: QueryKey;
  /** Fetch one page: `cursor` is null for the first page. */
  fetchPage: (cursor: string | null) => Promise<Page<T>>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  caption: ReactNode;
  /** Show the caption only to screen readers (when the page heading already says it). */
  captionHidden?: boolean;
  empty: ReactNode;
}

/**
 * A cursor-paginated NHS table: loads the first page, then a "Load more" button
 * appends the next page while the API reports a next_cursor. Loading, empty and
 * error states are all shown; nothing fails silently.
 */
export function PaginatedTable<T>({
  queryKey,
  fetchPage,
  columns,
  rowKey,
  caption,
  captionHidden,
  empty,
}: PaginatedTableProps<T>) {
  const { t } = useTranslation();
  const captionId = useId();
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<T>) => last.next_cursor ?? null,
  });

  if (query.isPending) return <Loading />;
  if (query.isError && !query.data) {
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }

  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (rows.length === 0) return <Empty>{empty}</Empty>;

  return (
    <div>
      <table className="nhsuk-table nhsuk-table--responsive">
        <caption
          id={captionId}
          className={captionHidden ? 'nhsuk-u-visually-hidden' : 'nhsuk-table__caption nhsuk-table__caption--s'}
        >
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={`nhsuk-table__header${column.numeric ? ' nhsuk-table__header--numeric' : ''}`}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={rowKey(row)}>
              {columns.map((column) => {
                // On narrow screens each row becomes a card and every cell shows its
                // column heading (hidden from screen readers, which have the real header).
                const content = (
                  <>
                    <span className="nhsuk-table__heading" aria-hidden="true">
                      {column.header}
                    </span>
                    <span>{column.cell(row)}</span>
                  </>
                );
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className="nhsuk-table__header">
                    {content}
                  </th>
                ) : (
                  <td
                    key={column.key}
                    className={`nhsuk-table__cell${column.numeric ? ' nhsuk-table__cell--numeric' : ''}`}
                  >
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="nhsuk-body-s" role="status" aria-live="polite">
        {query.hasNextPage ? t('table.showingMore', { n: rows.length }) : t('table.showingAll', { n: rows.length })}
      </p>
      {query.isFetchNextPageError ? <LoadError error={query.error} /> : null}
      {query.hasNextPage ? (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary"
          aria-disabled={query.isFetchingNextPage ? true : undefined}
          onClick={() => {
            if (!query.isFetchingNextPage) void query.fetchNextPage();
          }}
        >
          {query.isFetchingNextPage ? t('table.loadingMore') : t('table.loadMore')}
        </button>
      ) : null}
    </div>
  );
}
