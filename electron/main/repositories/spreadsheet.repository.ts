import fs from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import type { RosterSheet } from '../../../shared/logic/roster-plan';
import { ioError } from './storage.repository';
import { msg } from '../../../shared/i18n/messages';

/** Reads the staff lists companies keep: .xlsx (exceljs) and .csv in UTF-8 or GBK (what Chinese Excel saves). */
export class SpreadsheetRepository {
  /** Every non-empty sheet, cells as display text. */
  async read(file: string): Promise<RosterSheet[]> {
    const ext = path.extname(file).toLowerCase();
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch (err) {
      throw ioError(err, file, 'reading');
    }
    if (bytes.length === 0) throw new AppError('EMPTY', msg('sheet.empty', { name: path.basename(file) }));
    if (ext === '.csv' || ext === '.txt') return [{ name: path.basename(file), rows: await this.csvRows(bytes, file) }];
    if (ext === '.xlsx' || ext === '.xlsm') return this.xlsxSheets(bytes, file);
    if (ext === '.xls') throw new AppError('UNSUPPORTED', msg('sheet.xls', { name: path.basename(file) }));
    throw new AppError('UNSUPPORTED', msg('sheet.notRoster', { name: path.basename(file) }));
  }

  private async csvRows(bytes: Buffer, file: string): Promise<string[][]> {
    // Loaded when a roster is read, not at start-up: importing photos never needs the spreadsheet libraries.
    const { parse: parseCsv } = await import('csv-parse/sync');
    const text = decodeText(bytes);
    try {
      const rows = parseCsv(text, {
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        bom: true,
      }) as string[][];
      return rows.map((r) => r.map((c) => String(c ?? '')));
    } catch (err) {
      throw new AppError('CORRUPT', msg('sheet.badCsv', { name: path.basename(file), detail: (err as Error).message }));
    }
  }

  private async xlsxSheets(bytes: Buffer, file: string): Promise<RosterSheet[]> {
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (err) {
      throw new AppError(
        'CORRUPT',
        msg('sheet.badXlsx', { name: path.basename(file), detail: (err as Error).message }),
      );
    }
    const sheets: RosterSheet[] = [];
    wb.eachSheet((ws) => {
      const rows: string[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => {
          cells[col - 1] = cellText(cell);
        });
        rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
      });
      const filled = Array.from(rows, (r) => r ?? []);
      if (filled.some((r) => r.some((c) => c.trim()))) sheets.push({ name: ws.name, rows: filled });
    });
    if (!sheets.length) throw new AppError('EMPTY', msg('sheet.noSheet', { name: path.basename(file) }));
    return sheets;
  }
}

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), else GBK/GB18030 as Chinese Excel writes it. */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A cell as people see it: formula results, rich text joined, dates as YYYY-MM-DD, zero-padded numbers padded. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    // A number format of zeros (00000) means the sheet shows leading zeros: keep them, as an employee number needs.
    const fmt = cell.numFmt;
    if (fmt && /^0+$/.test(fmt) && Number.isInteger(v)) return String(v).padStart(fmt.length, '0');
    return String(v);
  }
  if (typeof v === 'object') {
    const o = v as {
      result?: unknown;
      richText?: { text: string }[];
      text?: string;
      hyperlink?: string;
      error?: string;
    };
    if ('result' in o)
      return o.result instanceof Date
        ? o.result.toISOString().slice(0, 10)
        : o.result === undefined || o.result === null
          ? ''
          : String(o.result);
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.error) return '';
  }
  return String(v);
}
