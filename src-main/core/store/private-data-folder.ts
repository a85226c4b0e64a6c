// The kiosk's data folder holds the store with its WAL, logs, receipts and the configuration with
// the terminal key: no other local user may read any of it, whatever umask the kiosk was started
// with. Called by each host before it writes anything there.
import fs from 'node:fs';
import path from 'node:path';

/** Files the kiosk creates from now on are 0600 and folders 0700; what is already there is made so. */
export function makeDataFolderPrivate(dataDir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tighten(dataDir);
}

function tighten(entry: string): void {
  const stat = fs.lstatSync(entry);
  // A link is left as it is: following it could change a file outside the data folder.
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    fs.chmodSync(entry, 0o700);
    for (const name of fs.readdirSync(entry)) tighten(path.join(entry, name));
  } else {
    fs.chmodSync(entry, 0o600);
  }
}
