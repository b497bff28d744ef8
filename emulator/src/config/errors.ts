/**
 * A problem the user can fix (broken cloudbaserc.json, port in use, unreadable data dir).
 * The CLI prints only `message` (one line that says what to do), never a stack.
 */
export class EmulatorStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmulatorStartError';
  }
}
