import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The official OASIS UBL 2.1 schemas, vendored in services/documents/schemas. */
const UBL_XSD = process.env.UBL_XSD_DIR ?? join(__dirname, '..', 'schemas', 'ubl-2.1', 'xsd');
export const UBL_SCHEMAS = {
  invoice: join(UBL_XSD, 'maindoc', 'UBL-Invoice-2.1.xsd'),
  creditNote: join(UBL_XSD, 'maindoc', 'UBL-CreditNote-2.1.xsd'),
};

async function withTempFile<T>(name: string, bytes: Buffer, fn: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cobranza-docs-'));
  try {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as poppler's pdftotext extracts it (reading order, layout kept). */
export function pdfText(pdf: Buffer): Promise<string> {
  return withTempFile('document.pdf', pdf, async (path) => (await run('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout);
}

export function pdfPages(pdf: Buffer): Promise<number> {
  return withTempFile('document.pdf', pdf, async (path) => Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [path])).stdout)?.[1]));
}

/** xmllint against a schema: resolves with its output when valid, rejects with the reasons otherwise. */
export function xmllint(xml: Buffer, schema: string): Promise<string> {
  return withTempFile('document.xml', xml, async (path) => {
    const { stderr } = await run('xmllint', ['--noout', '--schema', schema, path]);
    return stderr;
  });
}

/** The raw XML of one part of an XLSX (zip), e.g. xl/worksheets/sheet1.xml. */
export function xlsxPart(xlsx: Buffer, part: string): Promise<string> {
  return withTempFile('book.xlsx', xlsx, async (path) => (await run('unzip', ['-p', path, part], { maxBuffer: 256 * 1024 * 1024 })).stdout);
}

export async function readWorkbook(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return workbook;
}

/** How many images a PDF holds, as poppler's `pdfimages -list` counts them. */
export function pdfImageCount(pdf: Buffer): Promise<number> {
  return withTempFile('document.pdf', pdf, async (path) => {
    const { stdout } = await run('pdfimages', ['-list', path]);
    // Two heading lines ("page num type …" and "-----…"), then one line per image.
    return stdout.split('\n').slice(2).filter((line) => line.trim() !== '').length;
  });
}
