/** 构建 npm for one mini program folder (see miniprogram-npm.cjs); returns the names built. */
export function buildNpm(miniprogramDir: string): string[];
/**
 * Links each dependency into `<miniprogramDir>/node_modules` (where DevTools' 构建 npm looks);
 * returns the names linked.
 */
export function linkDependencies(miniprogramDir: string): string[];
/** `npm run build`'s step: 构建 npm for this repository's mini program. */
export function build(): Promise<void>;
