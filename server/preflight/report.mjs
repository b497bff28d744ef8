// What a preflight found: blockers (✗, exit 1) and reminders (!), one line each with how to fix
// it. Shared by this repository's `npm run preflight` (scripts/preflight.mjs) and the server
// package's `wx-cloud-login-server preflight` (cli.mjs), so both read and exit the same way.
// Plain ESM, not TypeScript: scripts/preflight.mjs runs before `npm run build`.

export function createReport() {
  const blockers = [];
  const reminders = [];
  return {
    blockers,
    reminders,
    block: (what, fix) => blockers.push(`✗ ${what}：${fix}`),
    remind: (what, fix) => reminders.push(`! ${what}：${fix}`),
    /** Prints every line and the verdict; returns the exit code (1 when anything blocks). */
    print(write = (line) => console.log(line)) {
      for (const line of [...blockers, ...reminders]) write(line);
      if (blockers.length > 0) {
        write(
          `\npreflight: ${blockers.length} 项阻止发布（见上面 ✗ 的行）/ ${blockers.length} blocker(s)`,
        );
        return 1;
      }
      write(
        `\npreflight: 没有阻止发布的问题；发布前请确认上面的提醒 / no blockers, check the reminders`,
      );
      return 0;
    },
  };
}
