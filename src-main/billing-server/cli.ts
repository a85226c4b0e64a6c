// `node .vite/node/billing-server.js`: the reference billing server on its own, for trying a kiosk
// against a separate "billing centre" or for the billing centre's team to read the contract in action.
//   BILLING_DB=./billing.sqlite BILLING_PORT=8700 BILLING_TERMINAL_KEYS='{"UFA-01":"secret"}' node .vite/node/billing-server.js
import path from 'node:path';
import { z } from 'zod';
import { startReferenceBillingServer } from './reference-billing-server';

const terminalKeysSchema = z.record(z.string().min(1), z.string().min(8));
const readingWindowSchema = z.object({ fromDay: z.number().int().min(1).max(31), toDay: z.number().int().min(1).max(31) });

async function main(): Promise<void> {
  const terminalKeys = process.env.BILLING_TERMINAL_KEYS
    ? terminalKeysSchema.parse(JSON.parse(process.env.BILLING_TERMINAL_KEYS))
    : undefined;
  const readingWindow = process.env.BILLING_READING_WINDOW
    ? readingWindowSchema.parse(JSON.parse(process.env.BILLING_READING_WINDOW))
    : undefined;
  const server = await startReferenceBillingServer({
    dbFile: path.resolve(process.env.BILLING_DB ?? 'reference-billing.sqlite'),
    host: process.env.BILLING_HOST ?? '127.0.0.1',
    port: Number(process.env.BILLING_PORT ?? 8700),
    ...(terminalKeys ? { terminalKeys } : {}),
    ...(readingWindow ? { readingWindow } : {}),
  });
  console.log(`Reference billing server ready: ${server.url}/api/v1 (terminal key: ${terminalKeys ? 'per terminal' : '"training"'})`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The reference billing server could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
