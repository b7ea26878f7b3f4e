import type { ReactNode } from 'react';

/**
 * A desk's list: a sentence when there is nothing to list, else a table whose header names each
 * column, and a last column for the row's buttons named only for screen readers. The rows (each a
 * `<tr>` whose first cell is a `<th scope="row">`) are the children.
 */
export function ListTable({
  isEmpty,
  emptyText,
  columns,
  actionsLabel,
  className = 'table',
  children,
}: {
  isEmpty: boolean;
  emptyText: ReactNode;
  columns: readonly ReactNode[];
  actionsLabel?: string;
  className?: string;
  children: ReactNode;
}) {
  if (isEmpty) return <p className="empty">{emptyText}</p>;
  return (
    <table className={className}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th scope="col" key={index}>
              {column}
            </th>
          ))}
          {actionsLabel === undefined ? null : (
            <th scope="col">
              <span className="visually-hidden">{actionsLabel}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
