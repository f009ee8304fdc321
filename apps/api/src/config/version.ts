import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The product version from the root package.json. Read at runtime by walking up from this
 * file (src/config under Jest, dist/apps/api once bundled), because importing a file outside
 * the project breaks the lint-enforced module boundaries.
 */
function readVersion(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 6; depth++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'shiftdesk' && manifest.version) return manifest.version;
    }
    dir = dirname(dir);
  }
  return process.env['npm_package_version'] ?? '0.0.0';
}

export const APP_VERSION: string = readVersion();
