// Reads a posterior topic (posteriors.mass unless TOPIC says another, e.g. posteriors.params) with kafkajs and decodes
// every value with npm's apache-arrow, outside .NET.
// Usage: BOOTSTRAP=host:port EXPECTED=N [TOPIC=posteriors.params] node read-posteriors.mjs  → one JSON object per record on stdout.
import { Kafka, logLevel } from 'kafkajs';
import { tableFromIPC } from 'apache-arrow';

const bootstrap = process.env.BOOTSTRAP;
const expected = Number(process.env.EXPECTED ?? '1');
const timeoutMs = Number(process.env.TIMEOUT_MS ?? '60000');
const topic = process.env.TOPIC ?? 'posteriors.mass';
const kafka = new Kafka({ clientId: 'interop-node', brokers: [bootstrap], logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({ groupId: `interop-node-${Date.now()}`, sessionTimeout: 6000 });

const rows = [];
let finish;
const done = new Promise((resolve) => { finish = resolve; });
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    const table = tableFromIPC(message.value);
    const row = table.get(0).toJSON();
    rows.push({
      key: message.key.toString(),
      schema: message.headers.schema?.toString(),
      schemaVersion: message.headers['schema-version']?.toString(),
      contentType: message.headers['content-type']?.toString(),
      objectId: row.object_id,
      status: row.status,
      log10M200c: row.log10_m200c,
      sigmaLog10M200c: row.sigma_log10_m200c,
      mean: Array.from(row.mean ?? []),
      sigma: Array.from(row.sigma ?? []),
      parameterNames: Array.from(row.parameter_names ?? []),
      // Schema 1.1: null in 1.0 records, which have no such column.
      parameterUnits: row.parameter_units == null ? null : Array.from(row.parameter_units),
      outOfDistribution: row.out_of_distribution,
      modelCardSha256: row.model_card_sha256,
      metadataSchemaVersion: table.schema.metadata.get('schema-version'),
    });
    if (rows.length >= expected) finish();
  },
});
await Promise.race([done, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
// One write, and exit only once it has been handed to the OS: a pipe whose reader lags fills at 64 KiB, Node then
// queues the rest, and process.exit() dropped it (the test saw 160 of 300 rows from a run that exited 0).
const text = rows.map((row) => JSON.stringify(row) + '\n').join('');
await new Promise((resolve) => process.stdout.write(text, resolve));
try { await consumer.disconnect(); } catch { /* the mock broker's LeaveGroup reply confuses kafkajs; harmless */ }
process.exit(rows.length >= expected ? 0 : 2);
