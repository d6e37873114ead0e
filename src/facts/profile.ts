// A country's diplomatic profile, computed from the relations on record (never typed in).
import type { Country } from './countries.js';
import type { Facts } from './facts.js';
import { comparePartialDates, type PartialDate } from './partial-date.js';
import { statusSince, type EventKind, type RelationStatus } from './relations.js';

export interface ProfileChange {
  partner: Country;
  date: PartialDate;
  kind: EventKind;
}

export interface CountryProfile {
  country: Country;
  /** The UN members other than this country, split by what the data says. */
  un: {
    others: number;
    established: Country[];
    without: { partner: Country; status: RelationStatus }[];
    unrecorded: Country[];
  };
  /** Every relation on record, with the partner named. */
  recorded: { partner: Country; status: RelationStatus }[];
  /** Every partner (UN member or not) with relations in force. */
  partners: Country[];
  /** Partners whose relations were severed or suspended, with when. */
  broken: { partner: Country; status: RelationStatus; since: PartialDate | null }[];
  /** Newest first: establishments, restorations, severances, suspensions. */
  recentChanges: ProfileChange[];
}

const changeKinds: readonly EventKind[] = ['established', 'restored', 'severed', 'suspended'];

export function countryProfile(facts: Facts, country: Country, recentLimit = 5): CountryProfile {
  const recorded = facts.relationsOf(country);
  const byPartner = new Map(recorded.map((entry) => [entry.partner.code, entry.relation]));
  const otherMembers = facts.unMembers.filter((member) => member.code !== country.code);

  const un: CountryProfile['un'] = { others: otherMembers.length, established: [], without: [], unrecorded: [] };
  for (const member of otherMembers) {
    const relation = byPartner.get(member.code);
    if (!relation) un.unrecorded.push(member);
    else if (relation.status === 'established') un.established.push(member);
    else un.without.push({ partner: member, status: relation.status });
  }

  const changes: ProfileChange[] = [];
  for (const { partner, relation } of recorded) {
    if (relation.established) changes.push({ partner, date: relation.established, kind: 'established' });
    for (const event of relation.events) {
      if (!changeKinds.includes(event.kind)) continue;
      const duplicate = event.kind === 'established' && relation.established?.iso === event.date.iso;
      if (!duplicate) changes.push({ partner, date: event.date, kind: event.kind });
    }
  }
  changes.sort((x, y) => comparePartialDates(y.date, x.date) || x.partner.code.localeCompare(y.partner.code));

  return {
    country,
    un,
    recorded: recorded.map(({ partner, relation }) => ({ partner, status: relation.status })),
    partners: recorded.filter((entry) => entry.relation.status === 'established').map((entry) => entry.partner),
    broken: recorded
      .filter((entry) => entry.relation.status === 'severed' || entry.relation.status === 'suspended')
      .map(({ partner, relation }) => ({ partner, status: relation.status, since: statusSince(relation) })),
    recentChanges: changes.slice(0, recentLimit),
  };
}
