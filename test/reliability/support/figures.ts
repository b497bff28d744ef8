// Each reliability test prints what it did (requests, faults injected, inputs tried, items
// lost), so a green run still shows the evidence and a red one shows the scale of the problem.
export function printFigures(test: string, figures: Record<string, number | string>): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  const lines = Object.entries(figures).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  // process.stdout rather than console.log: jest prefixes console output with a stack trace.
  process.stdout.write(`\n[reliability] ${test}\n${lines.join('\n')}\n`);
}
