/** Its own file so the browser console can type log lines without the Node logger. */
export type LogLevel = 'info' | 'warn' | 'error';
