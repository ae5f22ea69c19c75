/** The print shop's order sheet as CSV: Chinese headers, UTF-8 with a BOM so Excel opens it, CRLF lines. Pure. */

export interface OrderCsvLine {
  file: string;
  worker: string;
  company: string;
  /** the size as the print shop quotes it: "10寸 203×254mm" (one size whichever way round), or "A4" for a page */
  size: string;
  /** for an n-up page: what is on it ("4 × 5寸 89×127mm") */
  detail?: string;
  paper: string;
  quantity: number;
  /** the lowest effective resolution of the photo(s) in the file */
  ppi: number;
  bleedMm: number;
  colour: string;
}

export interface OrderCsvTotal {
  size: string;
  paper: string;
  quantity: number;
}

const cell = (v: string | number) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** One row per file, a blank line, then the totals per size and paper. */
export function orderSheetCsv(lines: OrderCsvLine[], totals: OrderCsvTotal[], whoLabel = '职工'): string {
  const rows = [
    ['序号', '文件名', whoLabel, '企业', '尺寸', '内容', '纸张', '数量', '分辨率(ppi)', '出血(mm)', '色彩'].join(','),
    ...lines.map((l, i) =>
      [i + 1, l.file, l.worker, l.company, l.size, l.detail ?? '', l.paper, l.quantity, l.ppi, l.bleedMm, l.colour]
        .map(cell)
        .join(','),
    ),
    '',
    ['合计', '', '', '', '尺寸', '', '纸张', '数量'].join(','),
    ...totals.map((t) => ['合计', '', '', '', t.size, '', t.paper, t.quantity].map(cell).join(',')),
  ];
  return '\uFEFF' + rows.join('\r\n') + '\r\n';
}

/** Totals per size and paper, in the order sizes first appear. */
export function orderTotals(lines: Pick<OrderCsvLine, 'size' | 'paper' | 'quantity'>[]): OrderCsvTotal[] {
  const totals = new Map<string, OrderCsvTotal>();
  for (const l of lines) {
    const key = `${l.size}|${l.paper}`;
    totals.set(key, { size: l.size, paper: l.paper, quantity: (totals.get(key)?.quantity ?? 0) + l.quantity });
  }
  return [...totals.values()];
}
