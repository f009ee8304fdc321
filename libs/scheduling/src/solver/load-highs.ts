import loadHighsModule, { type Highs } from 'highs';

let loading: Promise<Highs> | null = null;

/**
 * Loads the HiGHS WebAssembly module once per process (or worker) and shares it: each load
 * reserves its own Wasm heap (capped at 2 GiB). Models created from it must be disposed.
 */
export function loadHighs(): Promise<Highs> {
  loading ??= loadHighsModule();
  return loading;
}
