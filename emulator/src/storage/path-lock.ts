/**
 * One operation at a time per cloud path: a client's rule check and the write it allows must
 * not interleave with another request's, or two users uploading one new path at once would
 * both be judged "new file, yours" and the second would silently take over the first's file.
 */
export class PathLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      // The last one out leaves no entry behind (the map stays as small as the traffic).
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
