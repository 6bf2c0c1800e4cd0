export const here: string;
export const repoRoot: string;
export const defaultOutDir: string;
export function buildPlayground(options?: { outDir?: string; minify?: boolean }): Promise<string>;
