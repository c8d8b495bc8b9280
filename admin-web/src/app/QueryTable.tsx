import { Pagination, Table, type TableProps } from '@bastion/design-system';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/types';
import { ErrorState } from './page-states';
import { pageSummary, type CursorPages } from './use-cursor-pages';

export interface QueryTableProps<Row> extends Omit<TableProps<Row>, 'rows' | 'loading'> {
  /** The list request; its items are the rows. */
  query: UseQueryResult<Page<Row>>;
  /** Heading of the error shown in place of the table when the request fails. */
  errorTitle: string;
  /** Previous/next under the table, for lists the server hands out a page at a time. */
  paging?: { pages: CursorPages; pageSize: number };
}

/**
 * A list screen's table: skeleton rows while the first page loads, the server's explanation with a retry
 * when it fails, the empty state when there is nothing, and paging when the list has pages.
 */
export function QueryTable<Row>({ query, errorTitle, paging, ...table }: QueryTableProps<Row>) {
  const rows = query.data?.items ?? [];
  const nextCursor = query.data?.nextCursor;
  return (
    <>
      {query.isError ? (
        <ErrorState title={errorTitle} error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table {...table} rows={rows} loading={query.isPending} />
      )}
      {paging && (
        <Pagination
          hasPrevious={paging.pages.hasPrevious}
          hasNext={Boolean(nextCursor)}
          onPrevious={paging.pages.previous}
          onNext={() => nextCursor && paging.pages.next(nextCursor)}
          loading={query.isFetching}
          summary={pageSummary(paging.pages.page, paging.pageSize, rows.length)}
        />
      )}
    </>
  );
}
