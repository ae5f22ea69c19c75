import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** Writes an .xlsx with exceljs, the library the import reads with. Cells given as values or {formula, result}. */
export async function writeXlsx(
  file: string,
  rows: unknown[][],
  opts: { merge?: string[]; numFmt?: Record<string, string>; sheetName?: string } = {},
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? '职工名单');
  for (const r of rows) ws.addRow(r);
  for (const m of opts.merge ?? []) ws.mergeCells(m);
  for (const [cell, fmt] of Object.entries(opts.numFmt ?? {})) ws.getCell(cell).numFmt = fmt;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await wb.xlsx.writeFile(file);
  return file;
}

/** GBK bytes of a CSV, as Chinese Excel saves "CSV (逗号分隔)". Encoded by hand from a small table we need. */
export async function writeGbkCsv(file: string, text: string) {
  // Node has a GBK decoder but no encoder: build the bytes from the decoder, character by character.
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      bytes.push(ch.charCodeAt(0));
      continue;
    }
    bytes.push(...gbkBytesOf(ch));
  }
  await fs.writeFile(file, Buffer.from(bytes));
  return file;
}

let table: Map<string, number[]> | null = null;
function gbkBytesOf(ch: string): number[] {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const c = dec.decode(Uint8Array.from([a, b]));
        if (c.length === 1 && !table.has(c)) table.set(c, [a, b]);
      }
  }
  const got = table.get(ch);
  if (!got) throw new Error(`no GBK code for ${ch}`);
  return got;
}
