// Types of cli-bundle.js, for its test (test/cli-bundle.test.ts).
export const CACHE_DIR: string;
export function stampOf(file: string): string | null;
export function isFresh(manifest: string, bundle: string, entry: string): boolean;
export function bundledEntry(options?: { entry?: string; cacheDir?: string; name?: string }): Promise<{ file: string; built: boolean } | undefined>;
