/**
 * Error text that leaves the machine: the HTTP answers never name this machine's folders
 * (where the project, the user's home or the temp folder live). Known folders become a
 * placeholder; any other absolute path under a system root keeps only its last segment.
 */
import os from 'node:os';
import path from 'node:path';

const SYSTEM_ROOTS = '(?:home|Users|tmp|var|private|root|usr|etc|opt|mnt|srv|work|data|workspace)';
/** `/home/dev/x/y.json`, not `/api/collections` (an endpoint) nor a URL's `//host/path`. */
const ABSOLUTE_PATH = new RegExp(`(?<![\\w:/.])/${SYSTEM_ROOTS}(?:/[^\\s'"\`(),;]*)+`, 'g');
const WINDOWS_PATH = /\b[A-Za-z]:\\[^\s'"`(),;]*/g;

/** Turns text into what an HTTP answer may carry; `dirs` maps a placeholder to a folder. */
export type PathScrubber = (text: string) => string;

export function pathScrubber(dirs: Record<string, string | undefined>): PathScrubber {
  const defaults: Record<string, string> = { '<home>': os.homedir(), '<tmp>': os.tmpdir() };
  // Longest first, so a project inside the home folder reads `<project>`, not `<home>/...`.
  const known = Object.entries({ ...defaults, ...dirs })
    .filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length > 1,
    )
    .map(([name, dir]): [string, string] => [name, path.resolve(dir)])
    .sort((a, b) => b[1].length - a[1].length);
  return (text) => {
    let out = text;
    for (const [name, dir] of known) out = out.split(dir).join(name);
    return out
      .replace(ABSOLUTE_PATH, (found) => `<path>/${path.posix.basename(found)}`)
      .replace(WINDOWS_PATH, (found) => `<path>\\${path.win32.basename(found)}`);
  };
}
