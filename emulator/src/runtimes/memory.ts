/**
 * memorySize as the instance's limit. SCF stops an instance whose memory passes memorySize;
 * the nearest thing a Node process enforces on itself is V8's old-space limit, so a function
 * whose heap outgrows memorySize fails here as it would in the cloud. (Buffers and the Node
 * binary itself live outside that heap, so the cloud can still be stricter; docs/emulator.md.)
 */
export function memoryFlags(memorySizeMb: number): string[] {
  return [`--max-old-space-size=${Math.max(1, Math.floor(memorySizeMb))}`];
}
