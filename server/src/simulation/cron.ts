// Cron schedules as the CronJob controller reads them: robfig/cron/v3 ParseStandard (5 fields, names,
// ranges, steps, `?`, @descriptors, @every) in a time zone, and the next activation after a time.

interface Field {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(DAY_NAMES.map((n, i) => [n, i])) },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};

export type Schedule =
  | { kind: 'fields'; sets: Set<number>[]; domStar: boolean; dowStar: boolean; zone: string }
  | { kind: 'every'; seconds: number };

export class CronError extends Error {}

function number(text: string, field: Field): number {
  const named = field.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) throw new CronError(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

/** One comma-separated part: `*`, `?`, `a`, `a-b`, each optionally `/step` (robfig getRange). Returns whether it was a star. */
function addRange(part: string, field: Field, into: Set<number>): boolean {
  const [range, stepText, extra] = part.split('/');
  if (extra !== undefined) throw new CronError(`too many slashes: ${part}`);
  const bounds = range.split('-');
  let star = false;
  let start: number;
  let end: number;
  if (bounds[0] === '*' || bounds[0] === '?') {
    if (bounds.length > 1) throw new CronError(`too many hyphens: ${part}`);
    [start, end, star] = [field.min, field.max, true];
  } else {
    if (bounds.length > 2) throw new CronError(`too many hyphens: ${part}`);
    start = number(bounds[0], field);
    end = bounds.length === 2 ? number(bounds[1], field) : start;
  }
  let step = 1;
  if (stepText !== undefined) {
    step = number(stepText, { min: 0, max: 0 });
    if (bounds.length === 1 && !star) end = field.max;
    if (step > 1) star = false;
  }
  if (start < field.min) throw new CronError(`beginning of range (${start}) below minimum (${field.min}): ${part}`);
  if (end > field.max) throw new CronError(`end of range (${end}) above maximum (${field.max}): ${part}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${part}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${part}`);
  for (let v = start; v <= end; v += step) into.add(v);
  return star;
}

/** Go's time.ParseDuration for the forms @every takes (`1h30m`, `90s`, `5m`). */
function parseDuration(text: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) throw new CronError(`failed to parse duration ${text}: time: invalid duration ${JSON.stringify(text)}`);
  return parts.reduce((total, p) => total + Number(p[1]) * units[p[2]], 0);
}

const knownZones = new Set(['UTC']);

/** Throws CronError with Go's wording when the zone is unknown. */
export function checkZone(zone: string): void {
  if (knownZones.has(zone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new CronError(`unknown time zone ${zone}`);
  }
  if (knownZones.size < 1000) knownZones.add(zone);
}

/** cron.ParseStandard; `zone` is spec.timeZone (default UTC, the controller manager's zone in most clusters). */
export function parseSchedule(spec: string, zone = 'UTC'): Schedule {
  checkZone(zone);
  const text = spec.trim();
  if (text.startsWith('@every ')) {
    const seconds = Math.max(1, Math.floor(parseDuration(text.slice(7).trim())));
    return { kind: 'every', seconds };
  }
  if (text.startsWith('@')) {
    const expanded = DESCRIPTORS[text];
    if (!expanded) throw new CronError(`unrecognized descriptor: ${text}`);
    return parseSchedule(expanded, zone);
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const sets = FIELDS.map(() => new Set<number>());
  const stars = fields.map((value, i) => value.split(',').map((part) => addRange(part, FIELDS[i], sets[i])).every(Boolean));
  return { kind: 'fields', sets, domStar: stars[2], dowStar: stars[4], zone };
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zone offsets by zone and hour: zones change offset on whole hours, so the wall clock needs one lookup an hour. */
const offsets = new Map<string, number>();

function zoneOffset(epochSeconds: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const key = `${zone}@${Math.floor(epochSeconds / 3600)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(zone, format);
  }
  const hour = Math.floor(epochSeconds / 3600) * 3600;
  const parts = Object.fromEntries(format.formatToParts(new Date(hour * 1000)).map((p) => [p.type, Number(p.value)]));
  const offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) / 1000 - hour;
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function wallOf(epochSeconds: number, zone: string): Wall & { weekday: number } {
  const local = new Date((epochSeconds + zoneOffset(epochSeconds, zone)) * 1000);
  return {
    year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(),
    hour: local.getUTCHours(), minute: local.getUTCMinutes(), weekday: local.getUTCDay(),
  };
}

/** The epoch second of a wall-clock minute in the zone (the zone's offset at about that time). */
function epochOf(wall: Wall, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) / 1000;
  return asUtc - zoneOffset(asUtc - zoneOffset(asUtc, zone), zone);
}

function dayMatches(schedule: Extract<Schedule, { kind: 'fields' }>, day: number, weekday: number): boolean {
  const dom = schedule.sets[2].has(day);
  const dow = schedule.sets[4].has(weekday);
  return schedule.domStar || schedule.dowStar ? dom && dow : dom || dow;
}

/** Schedule.Next: the first activation strictly after `epochSeconds`; undefined when none comes within five years. */
export function nextActivation(schedule: Schedule, epochSeconds: number): number | undefined {
  if (schedule.kind === 'every') return Math.floor(epochSeconds) + schedule.seconds;
  const [minutes, hours, , months] = schedule.sets;
  let t = Math.floor(epochSeconds / 60) * 60 + 60;
  const limit = t + 5 * 366 * 86400;
  while (t <= limit) {
    const wall = wallOf(t, schedule.zone);
    if (!months.has(wall.month)) {
      t = epochOf({ year: wall.month === 12 ? wall.year + 1 : wall.year, month: (wall.month % 12) + 1, day: 1, hour: 0, minute: 0 }, schedule.zone);
    } else if (!dayMatches(schedule, wall.day, wall.weekday)) {
      t = epochOf({ ...wall, hour: 0, minute: 0 }, schedule.zone) + 86400;
    } else if (!hours.has(wall.hour)) {
      t = epochOf({ ...wall, minute: 0 }, schedule.zone) + 3600;
    } else if (!minutes.has(wall.minute)) {
      t += 60;
    } else return t;
  }
  return undefined;
}
