// Decodes Arrow IPC stream files (the schemas' golden samples) with npm's apache-arrow, outside .NET, and prints one
// JSON object per file: the schema metadata and every column of the one row (lists as arrays, timestamps as ms).
// Usage: node read-golden.mjs FILE...  → one JSON line per file on stdout.
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';

const plain = (value) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  // A list cell is an Arrow Vector: read element by element, so null elements stay null (toArray() gives the raw buffer).
  if (typeof value === 'object' && typeof value.get === 'function' && 'length' in value) {
    return Array.from({ length: value.length }, (_, i) => plain(value.get(i)));
  }
  return value;
};

const lines = process.argv.slice(2).map((file) => {
  const table = tableFromIPC(readFileSync(file));
  const row = {};
  for (const field of table.schema.fields) row[field.name] = plain(table.getChild(field.name).get(0));
  return JSON.stringify({
    file,
    rows: table.numRows,
    schema: table.schema.metadata.get('schema'),
    schemaVersion: table.schema.metadata.get('schema-version'),
    row,
  }) + '\n';
});
await new Promise((resolve) => process.stdout.write(lines.join(''), resolve));
