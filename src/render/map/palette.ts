// The map's colours and words. Colours are from the Okabe–Ito palette, chosen to stay apart for readers with any
// common form of colour blindness, and differ in lightness too; the map is drawn on its own light card, so it reads
// the same on Discord's dark and light themes.
import type { Language } from '../../facts/countries.js';
import { josa } from '../korean.js';
import type { MapStatus } from './request.js';

export const mapColors = {
  /** The country the map is about (and the first of a pair). */
  subject: '#F0E442',
  /** The second country of a pair. */
  partner: '#56B4E9',
  established: '#0072B2',
  broken: '#D55E00',
  none: '#CC79A7',
  not_listed: '#E69F00',
  /** Land that is not one of the 200 states (Somaliland, Northern Cyprus, Antarctica…), and a pair map's others. */
  notOurs: '#C4C4C4',
  ocean: '#EEF3F8',
  card: '#FFFFFF',
  border: '#FFFFFF',
  outline: '#1A1A1A',
  text: '#1A1A1A',
} as const satisfies Record<MapStatus, string> & Record<string, string>;

export interface MapWords {
  status: Record<MapStatus, (count: number) => string>;
  notOurs: string;
  /** The attachment's description (alt text). */
  worldAlt: (subject: string) => string;
  pairAlt: (a: string, b: string) => string;
}

export const mapWords: Record<Language, MapWords> = {
  en: {
    status: {
      established: (n) => `Relations (${n})`,
      broken: (n) => `Severed or suspended (${n})`,
      none: (n) => `No relations (${n})`,
      not_listed: (n) => `Not listed (${n})`,
    },
    notOurs: 'Not one of the 200',
    worldAlt: (subject) => `World map of ${subject}'s diplomatic relations, coloured by status`,
    pairAlt: (a, b) => `World map with ${a} and ${b} highlighted`,
  },
  ko: {
    status: {
      established: (n) => `수교 (${n})`,
      broken: (n) => `단교·중단 (${n})`,
      none: (n) => `관계 없음 (${n})`,
      not_listed: (n) => `목록에 없음 (${n})`,
    },
    notOurs: '200개국 밖',
    worldAlt: (subject) => `${subject}의 외교 관계를 상태별 색으로 나타낸 세계 지도`,
    pairAlt: (a, b) => `${josa(a, '과', '와')} ${josa(b, '을', '를')} 표시한 세계 지도`,
  },
};
