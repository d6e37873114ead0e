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
    /** A source says there are none, or they were severed or suspended. */
    without: { partner: Country; status: RelationStatus }[];
    /** Neither country's list mentions the other: unknown, not "none". */
    notListed: Country[];
  };
  /** Every partner (UN member or not) with relations in force. */
  partners: Country[];
  /** Partners whose relations were severed or suspended, with when. */
  broken: { partner: Country; status: RelationStatus; since: PartialDate | null }[];
  /** Newest first: establishments, restorations, severances, suspensions. */
  recentChanges: ProfileChange[];
  /** How current the statuses are: the oldest and newest date any of them is checked to. */
  asOf: { oldest: PartialDate; newest: PartialDate };
}

const changeKinds: readonly EventKind[] = ['established', 'restored', 'severed', 'suspended'];

export function countryProfile(facts: Facts, country: Country, recentLimit = 5): CountryProfile {
  const recorded = facts.relationsOf(country);
  const un: CountryProfile['un'] = { others: 0, established: [], without: [], notListed: [] };
  const changes: ProfileChange[] = [];
  let oldest: PartialDate | undefined;
  let newest: PartialDate | undefined;
  for (const { partner, relation } of recorded) {
    if (partner.unMember) {
      un.others += 1;
      if (relation.status === 'established') un.established.push(partner);
      else if (relation.status === 'not_listed') un.notListed.push(partner);
      else un.without.push({ partner, status: relation.status });
    }
    if (relation.established) changes.push({ partner, date: relation.established, kind: 'established' });
    for (const event of relation.events) {
      if (!changeKinds.includes(event.kind)) continue;
      const duplicate = event.kind === 'established' && relation.established?.iso === event.date.iso;
      if (!duplicate) changes.push({ partner, date: event.date, kind: event.kind });
    }
    if (!oldest || comparePartialDates(relation.asOf, oldest) < 0) oldest = relation.asOf;
    if (!newest || comparePartialDates(relation.asOf, newest) > 0) newest = relation.asOf;
  }
  changes.sort((x, y) => comparePartialDates(y.date, x.date) || x.partner.code.localeCompare(y.partner.code));

  return {
    country,
    un,
    partners: recorded.filter((entry) => entry.relation.status === 'established').map((entry) => entry.partner),
    broken: recorded
      .filter((entry) => entry.relation.status === 'severed' || entry.relation.status === 'suspended')
      .map(({ partner, relation }) => ({ partner, status: relation.status, since: statusSince(relation) })),
    recentChanges: changes.slice(0, recentLimit),
    asOf: { oldest: oldest ?? facts.asOf, newest: newest ?? facts.asOf },
  };
}
