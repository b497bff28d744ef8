/**
 * CloudBase timer crons: 7 fields `second minute hour day month week year`, `, - * /`, month
 * and weekday names, day-of-month OR day-of-week when both are set, evaluated in UTC+8.
 *
 * The field check is ours (CloudBase's exact grammar: weekdays 0-6, years 1970-2099, none of
 * the `L W # ? +` extensions), so an expression that production would refuse is refused here
 * too. The date arithmetic (next and previous occurrence with the OR rule and a fixed UTC
 * offset) is croner's: a maintained, dependency-free library that has the year field, the OR
 * default and previousRuns(); writing that by hand is where month-end and leap-year bugs live.
 */
import { Cron } from 'croner';

/** China has had no daylight saving time since 1991: a fixed offset is exact. */
const UTC_PLUS_8_MINUTES = 480;

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const FIELDS: readonly Field[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    // Index + 1 is the month number.
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { name: 'week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
];

export class CronError extends Error {}

function valueOf(field: Field, text: string): number {
  const byName = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (byName >= 0) return field.name === 'month' ? byName + 1 : byName;
  if (!/^\d+$/.test(text)) throw new CronError(`${field.name} "${text}" is not a number`);
  const value = Number(text);
  if (value < field.min || value > field.max) {
    throw new CronError(`${field.name} ${value} is outside ${field.min}-${field.max}`);
  }
  return value;
}

/** One field: items joined by `,`; each `*`, `*\/n`, `a`, `a-b` or `a-b/n`. */
function checkField(field: Field, text: string): void {
  for (const item of text.split(',')) {
    const found = /^(?:(\*)|([A-Za-z0-9]+)(?:-([A-Za-z0-9]+))?)(?:\/(\d+))?$/.exec(item);
    if (!found) throw new CronError(`${field.name} "${item}" is not * , - / or a value`);
    const [, star, from, to, step] = found;
    if (step !== undefined) {
      if (!star && to === undefined) {
        throw new CronError(`${field.name} "${item}": a step needs * or a range before it`);
      }
      if (Number(step) < 1 || Number(step) > field.max) {
        throw new CronError(`${field.name} step ${step} is outside 1-${field.max}`);
      }
    }
    if (from === undefined) continue;
    const low = valueOf(field, from);
    if (to !== undefined && valueOf(field, to) < low) {
      throw new CronError(`${field.name} range "${item}" runs backwards`);
    }
  }
}

export interface TimerSchedule {
  readonly expression: string;
  /** The first run strictly after `time` (ms), or undefined when none is left (past years). */
  nextAfter(time: number): number | undefined;
  /** The last run at or before `time`, or undefined. */
  latestAtOrBefore(time: number): number | undefined;
}

export function parseTimerCron(expression: string): TimerSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) {
    throw new CronError(
      `needs 7 fields (second minute hour day month week year), got ${fields.length}`,
    );
  }
  fields.forEach((text, i) => checkField(FIELDS[i] as Field, text));
  let cron: Cron;
  try {
    cron = new Cron(fields.join(' '), {
      mode: '7-part',
      utcOffset: UTC_PLUS_8_MINUTES,
      domAndDow: false,
      paused: true,
    });
  } catch (error) {
    throw new CronError((error as Error).message.replace(/^CronPattern: /, ''));
  }
  return {
    expression,
    nextAfter: (time) => cron.nextRun(new Date(time))?.getTime(),
    // previousRuns() answers runs before the whole second of its reference; runs fall on whole
    // seconds, so "before the next second" is "at or before time".
    latestAtOrBefore: (time) =>
      cron.previousRuns(1, new Date(Math.floor(time / 1000) * 1000 + 1000))[0]?.getTime(),
  };
}
