/**
 * A seed file that cannot be imported: names the file (as the user passed it, relative to the
 * seed folder) and the line, so the fix is one jump away. Nothing is written when one is thrown.
 */
export class SeedError extends Error {
  readonly code = 'SEED_INVALID';

  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(line === undefined ? `${file}: ${reason}` : `${file} line ${line}: ${reason}`);
    this.name = 'SeedError';
  }
}
