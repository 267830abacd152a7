import { defineInputFields, type Bundle, type ZObject } from 'zapier-platform-core';
import { askGloop, withAccessToken, type Confirmation } from '../http/client';
import { exchangeCredentials } from '../http/session';
import { idFrom } from '../http/json';
import { invalidAnswer, isRecord } from '../http/failures';
import { kind, invalidInput, samePhone, storedPhone, withEveryKey, withGloopsFix, type OutputField, type RequestBody } from '../fields/values';
import type { Resource } from '../records/resource';
import { plainText, sameText, storedSince } from '../records/stored-since';

/** Gloop's one search endpoint: leads, customers (accounts), or both. */
export type ObjectType = 'LEADS' | 'ACCOUNTS';

const SEARCH_LIMIT = 10;
export const SEARCH_PATH = '/v2/search/leadsAndAccounts';

/** The criteria Gloop's search takes, for a lead or a customer alike. */
export function criteriaFields(noun: string) {
  return defineInputFields([
    { key: 'phone', label: 'Phone', meta: kind('phone'), helpText: `Finds the ${noun} by phone number; spaces, dashes and +972 are handled.` },
    { key: 'email', label: 'Email', helpText: `Finds the ${noun} by email address.` },
    { key: 'name', label: 'Name', helpText: 'Part of the name is enough.' },
    { key: 'company', label: 'Company', helpText: 'Part of the company name is enough.' },
    { key: 'passport', label: 'ID Number', helpText: 'The Israeli ID number of a person, or the registration number of a company.' },
  ]);
}

const CRITERIA = ['phone', 'email', 'name', 'company', 'passport'];

export function resultOutputFields(noun: string): OutputField[] {
  return [
    { key: 'id', label: `${noun} ID` },
    { key: 'object_type', label: 'Found In (LEADS or ACCOUNTS)' },
    { key: 'name', label: 'Name' },
    { key: 'phone', label: 'Phone' },
    { key: 'email', label: 'Email' },
    { key: 'company', label: 'Company' },
    { key: 'passport', label: 'ID Number' },
    { key: 'utm_source', label: 'UTM Source' },
    { key: 'utm_campaign', label: 'UTM Campaign' },
    { key: 'created', label: 'Created', type: 'datetime' },
    { key: 'updated', label: 'Updated', type: 'datetime' },
    { key: 'created_by', label: 'Created By' },
    { key: 'updated_by', label: 'Updated By' },
  ];
}

/** A lead or a customer as Gloop's search shows one: its outputs, its sample, its kind. */
export interface PersonResource extends Resource {
  objectType: ObjectType;
}

/** What Gloop's search shows of a person, as its example does; each kind gives its own id, name and phone. */
const PERSON_SAMPLE = {
  email: 'israel@example.co.il',
  company: '',
  passport: '',
  utm_source: 'Facebook',
  utm_campaign: "Valentine's Day",
  created: '2026-02-14T09:30:00Z',
  updated: '2026-02-14T09:30:00Z',
  created_by: 'API',
  updated_by: 'API',
};

export function personResource(objectType: ObjectType, noun: string, sample: { id: string; name: string; phone: string }): PersonResource {
  const outputFields = resultOutputFields(noun);
  return {
    noun,
    objectType,
    outputFields,
    sample: { id: sample.id, object_type: objectType, name: sample.name, phone: sample.phone, ...PERSON_SAMPLE },
    recordOf(item) {
      const id = idFrom(item.id);
      // Gloop was asked for one kind; a result that says another kind, or has no id, cannot be used.
      const kind = item.object_type;
      if (id === undefined || (kind !== undefined && kind !== null && kind !== '' && kind !== objectType)) return undefined;
      const values = Object.fromEntries(outputFields.map(({ key }) => [key, textOf(item[key])]));
      return withEveryKey(outputFields, { ...values, id, object_type: objectType });
    },
  };
}

/** The search criteria a step's input gives, refused before any request when there are none. */
export function criteriaFrom(z: ZObject, body: RequestBody): RequestBody {
  const criteria = Object.fromEntries(Object.entries(body).filter(([key]) => CRITERIA.includes(key)));
  if (Object.keys(criteria).length === 0) {
    throw invalidInput(z, 'Fill at least one of Phone, Email, Name, Company or ID Number: Gloop finds nothing for an empty search');
  }
  // A +972 number written with words: asked for as Gloop's fix would store it.
  return typeof criteria.phone === 'string' ? { ...criteria, phone: storedPhone(criteria.phone) ?? withGloopsFix(criteria.phone) } : criteria;
}

/**
 * Newest first, every output key on every result, ids as Gloop sent them. Gloop matches a phone
 * from its start, so 050123456 would find 0501234567: a Find step keeps only the number asked for.
 */
export async function searchGloop(z: ZObject, bundle: Bundle<any>, resource: PersonResource, criteria: RequestBody) {
  const { results } = await searchRecords(z, bundle, resource, criteria);
  const phone = criteria.phone;
  // A result that shows no phone cannot be checked: Gloop matched it, so it stays.
  return typeof phone === 'string' ? results.filter((result) => result.phone === '' || samePhone(phone, String(result.phone))) : results;
}

export interface SearchOrder {
  by: 'created' | 'updated';
  limit: number;
}

const NEWEST_CREATED: SearchOrder = { by: 'created', limit: SEARCH_LIMIT };

const listing = (order: SearchOrder) => ({ order_by: order.by, order: 'desc', limit: order.limit });
/** What Find Lead and Find Customer ask of the search beside the criteria, on both platforms. */
export const NEWEST_FIRST = listing(NEWEST_CREATED);

/** What Gloop's search is sent for one kind: the criteria, the kind, and the listing asked for. */
export function searchBody(objectType: ObjectType, criteria: RequestBody, order: SearchOrder): RequestBody {
  return { ...criteria, object_type: objectType, ...listing(order) };
}

export async function searchRecords(z: ZObject, bundle: Bundle<any>, resource: PersonResource, criteria: RequestBody, order = NEWEST_CREATED) {
  const { answer, clock } = await askGloop(z, bundle, {
    method: 'POST',
    path: SEARCH_PATH,
    body: searchBody(resource.objectType, criteria, order),
  });
  // Without its list, "nothing found" would be a guess, and Find or Create would create on it.
  if (!Array.isArray(answer.results)) throw invalidAnswer(z, 'its list of results');
  const results = answer.results.flatMap((result) => {
    const record = isRecord(result) ? resource.recordOf(result) : undefined;
    return record ? [record] : [];
  });
  return { results, clock, full: answer.results.length >= order.limit };
}

function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** Find or Create: the record a Zap found, or a new one; the remedy for retries and replays. */
export function findOrCreate(search: { key: string; noun: string }, create: string) {
  return {
    key: search.key,
    display: { label: `Find or Create ${search.noun}`, description: `Finds a ${search.noun.toLowerCase()} by phone or email, and creates one when there is none.` },
    search: search.key,
    create,
  };
}

/**
 * After a create's answer was lost: the record Gloop stored for this body since the request left,
 * found by its name, phone and email.
 */
export function confirmationOf(z: ZObject, bundle: Bundle<any>, resource: PersonResource, body: RequestBody): Confirmation {
  const name = String(body.name);
  const phone = typeof body.phone === 'string' ? body.phone : undefined;
  const email = typeof body.email === 'string' ? body.email : undefined;
  const noun = resource.noun.toLowerCase();
  return {
    notFound: `a search right after found no such ${noun}`,
    async find(sentAt) {
      // Asked as Gloop may have stored them, so a name typed with a trailing space still finds its lead.
      // A phone whose stored form the app cannot tell is left to the comparison below, lest a miss read as "not saved".
      const searchedPhone = phone === undefined ? undefined : storedPhone(phone);
      const criteria = { name: plainText(name), ...(searchedPhone === undefined ? {} : { phone: searchedPhone }), ...(email === undefined ? {} : { email: plainText(email) }) };
      const search = (step: Bundle<any>) => searchRecords(z, step, resource, criteria);
      // A token that expired since the create was sent: Zapier's renewal would run the whole step,
      // and send the record again; a token of the search's own settles it within this step.
      const { results, clock, full } = await search(bundle).catch(async (error: unknown) => {
        if (!(error instanceof z.errors.RefreshAuthError)) throw error;
        return search(withAccessToken(bundle, (await exchangeCredentials(z, bundle)).access_token));
      });
      const identical = results.filter(
        (result) =>
          sameText(String(result.name), name) && (phone === undefined || samePhone(phone, String(result.phone))) && (email === undefined || sameText(String(result.email), email)),
      );
      const found = storedSince(identical, sentAt, clock, noun, results);
      // Newest first, a full page holds the newest; Gloop not keeping that order could leave this one off.
      return 'absent' in found && full ? { unsure: `a search right after found more ${noun}s than one answer holds, so it could not see them all` } : found;
    },
  };
}

/** What a person looks for in Gloop when the app cannot tell: the name, and the phone when there is one. */
export function lookForPerson(body: RequestBody): string {
  return `"${String(body.name).trim()}"${typeof body.phone === 'string' ? ` with phone ${body.phone}` : ''}`;
}
