#!/usr/bin/env node
// Adds lockfile entries for platform-specific optional packages (rollup, sass-embedded, …
// builds for macOS, Windows, musl, ARM) that the registry mirror of our build machines does not
// serve. Without them `npm ci` refuses the lockfile as "out of sync" on a clean clone, even
// though npm would skip those packages on Linux x64 anyway. Each added entry carries the os,
// cpu and libc its name states, so npm skips it without a download; on a platform that needs
// one of them npm fetches it as usual.
//
// Run after any change to the dependencies: `npm install && node tools/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OSES = ['aix', 'android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'openharmony', 'sunos', 'win32'];
const CPUS = ['arm64', 'arm', 'ia32', 'loong64', 'mips64el', 'ppc64', 'riscv64', 's390x', 'x64', 'wasm32'];

/** Platform fields implied by a package name such as `@rollup/rollup-linux-arm-musleabihf`. */
function platformOf(name) {
  const base = name.split('/').pop();
  // sass-embedded's two catch-all packages for platforms it has no binary for.
  if (base.endsWith('-all-unknown')) return { cpu: ['!arm', '!arm64', '!riscv64', '!x64'] };
  if (base.endsWith('-unknown-all')) return { os: ['!android', '!darwin', '!linux', '!win32'] };
  const tokens = base.split('-');
  const os = tokens.find((t) => OSES.includes(t));
  const cpu = tokens.find((t) => CPUS.includes(t));
  if (!os || !cpu) return null;
  const fields = { cpu: [cpu], os: [os] };
  if (os === 'linux') {
    fields.libc = [tokens.some((t) => t.startsWith('musl')) ? 'musl' : 'glibc'];
  }
  return fields;
}

/** Where node's resolution would find `name` from the package at `from`, if anywhere. */
function resolves(from, name) {
  let dir = from;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

let added = 0;
for (const [path, entry] of Object.entries({ ...packages })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue;
    const platform = platformOf(name);
    if (!platform) {
      console.warn(`left alone: ${name} (optional dependency of ${path || 'the root'}; no platform in its name)`);
      continue;
    }
    const top = `node_modules/${name}`;
    const at = packages[top] ? `${path}/node_modules/${name}` : top;
    packages[at] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      ...(entry.devOptional ? { devOptional: true } : {}),
      optional: true,
      ...platform,
    };
    added += 1;
  }
}

writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
