/** Download progress as a few log lines (every 10 %), not a stream of updates. */
import type { Progress } from './download';

const MB = 1024 * 1024;

function mb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

export function progressReporter(
  spec: string,
  runtime: string,
  cacheDir: string,
  line: (text: string) => void,
): Progress {
  let announced = false;
  // Step 0 is the announcement itself.
  let lastStep = 0;
  return (received, total) => {
    if (!announced) {
      announced = true;
      line(`runtime ${runtime}: downloading ${spec} once into ${cacheDir}`);
    }
    const step = total ? Math.floor((received / total) * 10) : Math.floor(received / (10 * MB));
    if (step === lastStep) return;
    lastStep = step;
    line(
      total
        ? `runtime ${runtime}: ${mb(received)} / ${mb(total)} MB (${Math.floor((received / total) * 100)}%)`
        : `runtime ${runtime}: ${mb(received)} MB`,
    );
  };
}
