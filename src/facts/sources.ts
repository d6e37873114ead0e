// Who publishes a source: the publisher's domain, its display name, and whether the domain may be cited at all.

/** Second-level labels under which a country's registry hands out names (example.co.kr, example.gov.bt). */
const secondLevel = new Set(['co', 'com', 'go', 'or', 'ac', 'gov', 'gob', 'org', 'net', 'edu', 'ne']);

export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

/** The domain that names a publisher: en.wikipedia.org and ko.wikipedia.org are both wikipedia.org. */
export function publisherDomain(url: string): string {
  const parts = hostOf(url).split('.');
  const keep = parts.length >= 3 && secondLevel.has(parts.at(-2)!) ? 3 : 2;
  return parts.slice(-keep).join('.');
}

/** Wikipedia's language editions, as readers know them. */
const wikipediaNames: Record<string, { en: string; ko: string }> = {
  en: { en: 'Wikipedia', ko: '영어 위키백과' },
  ko: { en: 'Korean Wikipedia', ko: '한국어 위키백과' },
};

export interface SourcesFile {
  publishers: Record<string, string>;
  denylist: { domain: string; why: string }[];
}

export class SourceBook {
  private readonly publishers: ReadonlyMap<string, string>;
  private readonly denied: ReadonlyMap<string, string>;
  /** Labels already worked out, by language and URL: parsing a URL for every link of every reply adds up. */
  private readonly labels = { en: new Map<string, string>(), ko: new Map<string, string>() };

  constructor(file: SourcesFile) {
    this.publishers = new Map(Object.entries(file.publishers));
    this.denied = new Map(file.denylist.map((entry) => [entry.domain, entry.why]));
  }

  static empty(): SourceBook {
    return new SourceBook({ publishers: {}, denylist: [] });
  }

  /** Why a URL may not be cited (its host or a parent domain is on the denylist), or undefined. */
  deniedBecause(url: string): string | undefined {
    const host = hostOf(url);
    for (const [domain, why] of this.denied) if (host === domain || host.endsWith(`.${domain}`)) return why;
    return undefined;
  }

  publisherName(url: string): string | undefined {
    return this.publishers.get(publisherDomain(url));
  }

  /**
   * How a link is labelled for a reader: an encyclopaedia article by its title ("Wikipedia: Foreign relations of
   * Peru"), anything else by its publisher's name, and the bare host only where no name is on file.
   */
  label(url: string, language: 'en' | 'ko'): string {
    const known = this.labels[language].get(url);
    if (known !== undefined) return known;
    const label = this.labelOf(url, language);
    this.labels[language].set(url, label);
    return label;
  }

  private labelOf(url: string, language: 'en' | 'ko'): string {
    const parsed = new URL(url);
    const wiki = /^([a-z]+)\.(?:m\.)?wikipedia\.org$/.exec(parsed.hostname);
    if (wiki && parsed.pathname.startsWith('/wiki/')) {
      const title = decodeURIComponent(parsed.pathname.slice('/wiki/'.length)).replace(/_/g, ' ');
      const edition = wikipediaNames[wiki[1]!]?.[language] ?? `Wikipedia (${wiki[1]})`;
      return `${edition}: ${title}`;
    }
    return this.publisherName(url) ?? hostOf(url);
  }
}
