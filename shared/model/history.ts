/** One undoable edit, named in the user's words in both languages. */
export interface HistoryLabel {
  zh: string;
  en: string;
}

export interface HistoryEntry {
  id: number;
  label: HistoryLabel;
  at: string;
  /** how many records it touched */
  count: number;
}

export interface HistoryState {
  /** oldest first */
  entries: HistoryEntry[];
  /** entries[0..cursor) are done; the rest can be redone */
  cursor: number;
}
