/**
 * The dashboard's multi-select: a click on a row's box ticks or unticks it; a shift-click ticks
 * or unticks every row from the last one clicked to this one, as in a file manager.
 */
export interface Selection {
  ids: ReadonlySet<string>;
  /** The row index last clicked without shift: where a shift-click range starts. */
  anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggleRow(selection: Selection, rowIds: readonly string[], index: number, checked: boolean, shift: boolean): Selection {
  const ids = new Set(selection.ids);
  const from = shift && selection.anchor !== null ? Math.min(selection.anchor, index) : index;
  const to = shift && selection.anchor !== null ? Math.max(selection.anchor, index) : index;
  for (let i = from; i <= to; i++) {
    const id = rowIds[i];
    if (id === undefined) continue;
    if (checked) ids.add(id);
    else ids.delete(id);
  }
  return { ids, anchor: shift && selection.anchor !== null ? selection.anchor : index };
}

/** Every row shown (all that match the search and filters). */
export function selectAll(rowIds: readonly string[]): Selection {
  return { ids: new Set(rowIds), anchor: null };
}
