import { clsx } from 'clsx';
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { forwardRef, useId, type ForwardedRef, type ReactElement, type ReactNode, type Ref } from 'react';
import { Checkbox } from '../Checkbox';
import { Skeleton } from '../Skeleton';
import styles from './Table.module.css';

export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  columnId: string;
  direction: SortDirection;
}

export interface TableColumn<Row> {
  id: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Shows a sort button in the header; sorting itself is the caller's job (often the server's). */
  sortable?: boolean;
  /** Right-align numbers so digits line up. */
  align?: 'start' | 'end';
  /** Any CSS width for the column. */
  width?: string;
}

export interface TableProps<Row> {
  /** Names the table; shown above it unless `captionHidden`. */
  caption: string;
  /** @default false */
  captionHidden?: boolean;
  columns: TableColumn<Row>[];
  rows: Row[];
  /** Stable id per row, used for keys and selection. */
  getRowId: (row: Row) => string;
  /**
   * Current sort, or `null` for the server's natural order.
   * @default null
   */
  sort?: TableSort | null;
  /**
   * Called when the user activates a sortable header; a column sorts ascending first, then toggles.
   * @default undefined
   */
  onSortChange?: (sort: TableSort) => void;
  /**
   * Adds a checkbox to each row and a select-all checkbox to the header.
   * @default false
   */
  selectable?: boolean;
  /**
   * Ids of the selected rows.
   * @default []
   */
  selectedIds?: readonly string[];
  /** @default undefined */
  onSelectionChange?: (ids: string[]) => void;
  /**
   * Accessible label of a row's checkbox.
   * @default (row) => `Select row ${getRowId(row)}`
   */
  getRowLabel?: (row: Row) => string;
  /**
   * Replaces the rows with skeletons and marks the table busy.
   * @default false
   */
  loading?: boolean;
  /** @default 5 */
  loadingRowCount?: number;
  /**
   * Shown in place of rows when there are none, usually an EmptyState.
   * @default 'No results'
   */
  emptyState?: ReactNode;
  /**
   * Limits the height (any CSS length); the body scrolls under the sticky header.
   * @default undefined
   */
  maxHeight?: string;
  /** @default undefined */
  className?: string;
}

function TableInner<Row>(
  {
    caption,
    captionHidden = false,
    columns,
    rows,
    getRowId,
    sort = null,
    onSortChange,
    selectable = false,
    selectedIds = [],
    onSelectionChange,
    getRowLabel = (row) => `Select row ${getRowId(row)}`,
    loading = false,
    loadingRowCount = 5,
    emptyState = 'No results',
    maxHeight,
    className,
  }: TableProps<Row>,
  ref: ForwardedRef<HTMLTableElement>,
) {
  const captionId = useId();
  const selected = new Set(selectedIds);
  const rowIds = rows.map(getRowId);
  const selectedOnPage = rowIds.filter((id) => selected.has(id)).length;
  const allState = selectedOnPage === 0 ? false : selectedOnPage === rowIds.length ? true : 'indeterminate';
  const columnCount = columns.length + (selectable ? 1 : 0);

  const toggleAll = () => {
    const next = allState === true ? [] : rowIds;
    onSelectionChange?.([...selectedIds.filter((id) => !rowIds.includes(id)), ...next]);
  };
  const toggleRow = (id: string) => {
    onSelectionChange?.(
      selected.has(id) ? selectedIds.filter((other) => other !== id) : [...selectedIds, id],
    );
  };
  const activateSort = (columnId: string) => {
    const direction: SortDirection =
      sort?.columnId === columnId && sort.direction === 'ascending' ? 'descending' : 'ascending';
    onSortChange?.({ columnId, direction });
  };

  return (
    // The container scrolls when the table is wider or taller than its space; as a named, focusable region
    // keyboard users can scroll it too.
    <div
      className={clsx(styles.container, className)}
      style={maxHeight ? { maxBlockSize: maxHeight } : undefined}
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table
        ref={ref}
        className={styles.table}
        aria-busy={loading || undefined}
        data-loading={loading || undefined}
      >
        <caption id={captionId} className={styles.caption} data-hidden={captionHidden || undefined}>
          {caption}
        </caption>
        <thead className={styles.head}>
          <tr>
            {selectable && (
              <th scope="col" className={styles.selectCell}>
                <Checkbox
                  aria-label="Select all rows on this page"
                  checked={allState}
                  disabled={loading || rows.length === 0}
                  onCheckedChange={toggleAll}
                />
              </th>
            )}
            {columns.map((column) => {
              const active = sort?.columnId === column.id ? sort.direction : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={styles.headerCell}
                  data-align={column.align ?? 'start'}
                  style={column.width ? { inlineSize: column.width } : undefined}
                  aria-sort={column.sortable ? (active ?? 'none') : undefined}
                >
                  {column.sortable ? (
                    <button
                      type="button"
                      className={styles.sortButton}
                      data-active={active ? true : undefined}
                      onClick={() => activateSort(column.id)}
                    >
                      {column.header}
                      <span className={styles.sortIcon} aria-hidden>
                        {active === 'ascending' ? (
                          <ArrowUp />
                        ) : active === 'descending' ? (
                          <ArrowDown />
                        ) : (
                          <ArrowUpDown />
                        )}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {loading &&
            Array.from({ length: loadingRowCount }, (_, index) => (
              <tr key={`loading-${index}`} className={styles.row}>
                {Array.from({ length: columnCount }, (_, cell) => (
                  <td key={cell} className={styles.cell}>
                    <Skeleton width={cell === 0 && selectable ? '1.25rem' : '70%'} />
                  </td>
                ))}
              </tr>
            ))}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={columnCount} className={styles.emptyCell}>
                {emptyState}
              </td>
            </tr>
          )}
          {!loading &&
            rows.map((row) => {
              const id = getRowId(row);
              const isSelected = selected.has(id);
              return (
                <tr key={id} className={styles.row} data-selected={isSelected || undefined}>
                  {selectable && (
                    <td className={styles.selectCell}>
                      <Checkbox
                        aria-label={getRowLabel(row)}
                        checked={isSelected}
                        onCheckedChange={() => toggleRow(id)}
                      />
                    </td>
                  )}
                  {columns.map((column) => (
                    <td key={column.id} className={styles.cell} data-align={column.align ?? 'start'}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A data table with keyboard-reachable sort buttons in the headers, row selection, a loading skeleton,
 * an empty state and a header that stays visible while the body scrolls.
 */
export const Table = forwardRef(TableInner) as <Row>(
  props: TableProps<Row> & { ref?: Ref<HTMLTableElement> },
) => ReactElement;
