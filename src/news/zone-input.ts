// What people type for a time zone: an IANA name, a city, a common abbreviation or a UTC offset. Each is read as one
// IANA zone, or refused with the zones it could mean, never guessed.

/**
 * The runtime's ICU still calls some zones by their old names (Asia/Calcutta); the IANA database renamed them. We
 * show and store the current name, which the runtime accepts too.
 */
const renamed: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA name of a zone the runtime resolved. */
export function currentName(zone: string): string {
  return renamed[zone] ?? zone;
}

/**
 * Abbreviations people use for their zone. One zone each where the abbreviation means one place; a list where it
 * is shared (IST is India, Ireland and Israel), so the reply can ask which.
 */
const abbreviations: Readonly<Record<string, string | readonly string[]>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  KST: 'Asia/Seoul',
  JST: 'Asia/Tokyo',
  HKT: 'Asia/Hong_Kong',
  SGT: 'Asia/Singapore',
  PHT: 'Asia/Manila',
  WIB: 'Asia/Jakarta',
  PKT: 'Asia/Karachi',
  MSK: 'Europe/Moscow',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  ET: 'America/New_York',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CT: 'America/Chicago',
  CDT: 'America/Chicago',
  MT: 'America/Denver',
  MDT: 'America/Denver',
  PT: 'America/Los_Angeles',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  CST: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  MST: ['America/Denver', 'America/Phoenix'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  AEST: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane'],
  CET: ['Europe/Paris', 'Europe/Berlin', 'Europe/Rome', 'Europe/Madrid'],
  CEST: ['Europe/Paris', 'Europe/Berlin', 'Europe/Rome', 'Europe/Madrid'],
  EET: ['Europe/Athens', 'Europe/Helsinki', 'Europe/Bucharest', 'Africa/Cairo'],
};

/** Cities that are not the city a zone is named after, in English and Korean. */
const cities: Readonly<Record<string, string>> = {
  beijing: 'Asia/Shanghai',
  busan: 'Asia/Seoul',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  osaka: 'Asia/Tokyo',
  washington: 'America/New_York',
  'san francisco': 'America/Los_Angeles',
  서울: 'Asia/Seoul',
  부산: 'Asia/Seoul',
  평양: 'Asia/Pyongyang',
  도쿄: 'Asia/Tokyo',
  베이징: 'Asia/Shanghai',
  상하이: 'Asia/Shanghai',
  홍콩: 'Asia/Hong_Kong',
  싱가포르: 'Asia/Singapore',
  뉴욕: 'America/New_York',
  워싱턴: 'America/New_York',
  로스앤젤레스: 'America/Los_Angeles',
  런던: 'Europe/London',
  파리: 'Europe/Paris',
  베를린: 'Europe/Berlin',
  모스크바: 'Europe/Moscow',
  시드니: 'Australia/Sydney',
};

export type ZoneReading =
  /** `as`: how it was read, when it was not typed as the zone's own name. */
  | { kind: 'zone'; zone: string; as?: 'city' | 'abbreviation' | 'offset' | 'renamed' }
  /** Typed text that fits several zones: the reply lists them. */
  | { kind: 'ambiguous'; zones: readonly string[] }
  | { kind: 'unknown' };

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();

/** "UTC+9", "GMT-3", "+09:00", "utc +5:30": the offset in minutes east of UTC, or undefined. */
export function parseOffset(typed: string): number | undefined {
  const match = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(typed.trim());
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = match[3] === undefined ? 0 : Number(match[3]);
  if (minutes >= 60) return undefined;
  const total = (hours * 60 + minutes) * (match[1] === '+' ? 1 : -1);
  return total >= -12 * 60 && total <= 14 * 60 ? total : undefined;
}

/** An offset as people write it: "UTC+9", "UTC-3:30", "UTC". */
export function offsetLabel(typed: string): string {
  const minutes = parseOffset(typed);
  if (minutes === undefined) return typed;
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const rest = abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : '';
  return `UTC${minutes > 0 ? '+' : '-'}${Math.floor(abs / 60)}${rest}`;
}

/**
 * The fixed zone for a whole-hour offset. The IANA names these Etc/GMT with the sign reversed (UTC+9 is
 * Etc/GMT-9), a POSIX convention; they never change for daylight saving time.
 */
export function offsetZone(minutes: number): string | undefined {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 !== 0) return undefined;
  const hours = minutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/**
 * Reads a typed zone. `known` lists the zones the runtime knows (current names), `resolve` gives a name's
 * current IANA form or undefined; both are passed in so that this stays a plain function of its inputs.
 */
export function readZone(
  typed: string,
  known: readonly string[],
  resolve: (name: string) => string | undefined,
  offsetNow: (zone: string) => number,
): ZoneReading {
  const text = typed.trim();
  if (!text) return { kind: 'unknown' };
  const abbreviation = abbreviations[text.toUpperCase()];
  if (abbreviation !== undefined) {
    if (typeof abbreviation !== 'string') return { kind: 'ambiguous', zones: abbreviation };
    return text.toUpperCase() === abbreviation
      ? { kind: 'zone', zone: abbreviation }
      : { kind: 'zone', zone: abbreviation, as: 'abbreviation' };
  }
  const offset = parseOffset(text);
  if (offset !== undefined) {
    const zone = offsetZone(offset);
    if (zone === 'UTC') return { kind: 'zone', zone };
    if (zone) return { kind: 'zone', zone, as: 'offset' };
    // Half-hour offsets have no fixed Etc zone: offer the places on that offset today.
    const zones = known.filter((name) => offsetNow(name) === offset && !name.startsWith('Etc/'));
    return zones.length ? { kind: 'ambiguous', zones: zones.slice(0, 10) } : { kind: 'unknown' };
  }
  if (text.includes('/') || /^[a-z]+$/i.test(text)) {
    const resolved = resolve(text);
    if (resolved) {
      const zone = currentName(resolved);
      const asTyped = zone.toLowerCase() === text.toLowerCase() || resolved.toLowerCase() === text.toLowerCase();
      return asTyped ? { kind: 'zone', zone } : { kind: 'zone', zone, as: 'renamed' };
    }
  }
  const wanted = fold(text);
  const named = cities[wanted];
  if (named) return { kind: 'zone', zone: named, as: 'city' };
  const city = (zone: string) => fold(zone.slice(zone.lastIndexOf('/') + 1));
  // Former names count as cities too ("asmera", "saigon"), answered by today's name.
  const byFormerCity = Object.keys(renamed)
    .filter((zone) => city(zone) === wanted)
    .map(currentName);
  const byCity = [...new Set([...known.filter((zone) => city(zone) === wanted), ...byFormerCity])];
  if (byCity.length === 1) return { kind: 'zone', zone: byCity[0]!, as: 'city' };
  if (byCity.length > 1) return { kind: 'ambiguous', zones: byCity };
  return { kind: 'unknown' };
}
