// The world layer in memory: every pair of states, kept by column in typed arrays and turned into a Relation
// only when asked. 19,900 pairs cost about 0.4 MB this way, and loading them is a few loops over numbers.
import type { DateTable } from './load.js';
import type { PartialDate } from './partial-date.js';
import type { Relation, RelationEvent, RelationStatus } from './relations.js';

/** Where the world layer lives; a Relation from it names this file. */
export const worldLayerFile = 'data/world.json';

export const worldStatusByLetter: Record<string, RelationStatus> = {
  E: 'established',
  N: 'none',
  S: 'severed',
  U: 'suspended',
  L: 'not_listed',
};

const statusList: RelationStatus[] = ['established', 'none', 'severed', 'suspended', 'not_listed'];
const statusByCharCode: Record<number, number> = Object.fromEntries(
  Object.entries(worldStatusByLetter).map(([letter, status]) => [letter.charCodeAt(0), statusList.indexOf(status)]),
);

export interface WorldColumns {
  /** Index into statusList. */
  status: Uint8Array;
  established: Int32Array;
  listedA: Int32Array;
  listedB: Int32Array;
  /** Which pages hold a record of the pair: 1 the first country's, 2 the second's, 3 both. */
  pages: Uint8Array;
  breakYear: Uint16Array;
}

export class WorldTable {
  private readonly position = new Map<string, number>();
  /** The sources of a pair, by which pages hold it and whose they are: made once per distinct list. */
  private readonly sourceLists = new Map<string, readonly string[]>();

  constructor(
    readonly codes: readonly string[],
    private readonly pages: Readonly<Record<string, string>>,
    /** Checked at load; parsed into PartialDates when a pair that uses them is asked for. */
    private readonly dates: readonly string[],
    private readonly dateTable: DateTable,
    private readonly columns: WorldColumns,
    readonly asOf: PartialDate,
    readonly file: string,
  ) {
    codes.forEach((code, index) => this.position.set(code, index));
  }

  /** The status stored for a letter's character code in the status column, or -1 for an unknown letter. */
  static statusIndex(charCode: number): number {
    return statusByCharCode[charCode] ?? -1;
  }

  /** The pair's number: (0,1), (0,2) … (0,n-1), (1,2) … as in data/world.json. */
  indexOf(a: string, b: string): number | undefined {
    let i = this.position.get(a);
    let j = this.position.get(b);
    if (i === undefined || j === undefined || i === j) return undefined;
    if (i > j) [i, j] = [j, i];
    const n = this.codes.length;
    return (i * (2 * n - i - 1)) / 2 + (j - i - 1);
  }

  /**
   * The pair as a Relation. `withBreakYear`: add the year the pages give for a break as an event (left out where
   * the events layer has researched the break itself).
   */
  relation(a: string, b: string, withBreakYear = true): Relation | undefined {
    const index = this.indexOf(a, b);
    if (index === undefined) return undefined;
    const { status, established, listedA, listedB, pages, breakYear } = this.columns;
    const date = (value: number) => (value < 0 ? null : this.dateTable.get(this.dates[value]!));
    const [first, second] = a < b ? [a, b] : [b, a];
    const fromA = date(listedA[index]!);
    const fromB = date(listedB[index]!);
    const relationStatus = statusList[status[index]!]!;
    const events: RelationEvent[] = [];
    const year = breakYear[index]!;
    if (withBreakYear && year > 0 && (relationStatus === 'severed' || relationStatus === 'suspended')) {
      events.push({ date: this.dateTable.get(String(year)), kind: relationStatus });
    }
    return {
      pair: [first, second],
      status: relationStatus,
      established: date(established[index]!),
      events,
      sources: this.sourcesOf(first, second, pages[index]!),
      // The written rule (data/README.md): one publisher's pages that agree are medium; pages that disagree, low.
      confidence: fromA && fromB && fromA.year !== fromB.year ? 'low' : 'medium',
      file: this.file,
      asOf: this.asOf,
      ...(fromA && fromB && { listed: [fromA, fromB] as const }),
    };
  }

  private sourcesOf(a: string, b: string, held: number): readonly string[] {
    const key = `${held & 1 ? a : ''}${held & 2 ? b : ''}`;
    let sources = this.sourceLists.get(key);
    if (!sources) {
      sources = [held & 1 ? this.pages[a] : undefined, held & 2 ? this.pages[b] : undefined].filter(
        (url) => url !== undefined,
      );
      this.sourceLists.set(key, sources);
    }
    return sources;
  }
}
