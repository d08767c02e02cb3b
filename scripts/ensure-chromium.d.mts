// Types for ensure-chromium.mjs, so the TypeScript e2e harness can import it.

export declare const SYSTEM_CANDIDATES: readonly string[];
export declare const INSTALL_HINT: string;
export declare function findChromium(env?: NodeJS.ProcessEnv): string | null;
export declare function chromiumVersion(executablePath: string): string;
export declare function ensureChromium(): { path: string; version: string } | null;
