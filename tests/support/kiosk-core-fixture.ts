// A real kiosk core in training mode around a fresh temp data folder: real SQLite files and the
// real reference billing server over loopback HTTP. Nothing of the project is mocked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseKioskConfig, type KioskConfigInput } from '../../src-main/core/config/kiosk-config';
import { startKioskCore, type KioskCore } from '../../src-main/core/kiosk-core';

export interface CoreFixture {
  core: KioskCore;
  dataDir: string;
  close(): Promise<void>;
}

export async function startCoreFixture(config: KioskConfigInput = {}, dataDir?: string): Promise<CoreFixture> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-core-'));
  const core = await startKioskCore({
    config: parseKioskConfig(config),
    dataDir: dir,
    trainingBilling: () => import('../../src-main/billing-server/training-billing'),
  });
  return {
    core,
    dataDir: dir,
    close: async () => {
      await core.close();
      if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
