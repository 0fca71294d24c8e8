// Number formatting for the dashboard. Missing values show as an en dash.

const DASH = "\u2013";
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const precise = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const missing = (value) => value === null || value === undefined || Number.isNaN(Number(value));

/** 12,345 */
export const count = (value) => (missing(value) ? DASH : integer.format(Number(value)));

/** 12.3 (one decimal) */
export const rate = (value) => (missing(value) ? DASH : decimal.format(Number(value)));

/** A 0–1 ratio as 12.34 % */
export const percent = (ratio) => (missing(ratio) ? DASH : `${precise.format(Number(ratio) * 100)} %`);

/** A value already in percent (0–100) as 12.3 % */
export const percentValue = (value) => (missing(value) ? DASH : `${decimal.format(Number(value))} %`);

/** Milliseconds: 0.42 ms, 12.3 ms, 1.25 s */
export function ms(value) {
  if (missing(value)) return DASH;
  const n = Number(value);
  if (n >= 1000) return `${precise.format(n / 1000)} s`;
  return n < 10 ? `${precise.format(n)} ms` : `${decimal.format(n)} ms`;
}

/** Bytes: 512 B, 1.5 KiB, 230.4 MiB, 1.2 GiB */
export function bytes(value) {
  if (missing(value)) return DASH;
  let n = Number(value);
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${integer.format(n)} B` : `${decimal.format(n)} ${units[unit]}`;
}

/** An ISO timestamp as local date and time; "in 12 s" style for the near future when relative is set. */
export function time(value) {
  if (!value) return DASH;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString("en-GB", { hour12: false });
}

/** Seconds as "1 h 2 min", "3 min 4 s", "5 s". */
export function duration(seconds) {
  if (missing(seconds)) return DASH;
  let s = Math.max(0, Math.round(Number(seconds)));
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  s -= minutes * 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return s > 0 ? `${minutes} min ${s} s` : `${minutes} min`;
  return `${s} s`;
}

export const text = (value) => (value === null || value === undefined || value === "" ? DASH : String(value));
