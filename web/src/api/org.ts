import { queryString, request } from './http';
import type { ApiToken, NewApiToken, Person, PersonCreate, PersonPatch, UnitNode } from './types';

export async function listUnits(signal?: AbortSignal): Promise<UnitNode[]> {
  return (await request<{ units: UnitNode[] }>('GET', '/api/units', { signal })).units;
}

/** The people the caller may read; `unit` narrows to a unit and its sub-units. */
export async function listPeople(unit?: string, signal?: AbortSignal): Promise<Person[]> {
  return (await request<{ people: Person[] }>('GET', `/api/people${queryString({ unit })}`, { signal })).people;
}

export function createPerson(person: PersonCreate): Promise<Person> {
  return request<Person>('POST', '/api/people', { body: person });
}

export function updatePerson(username: string, patch: PersonPatch): Promise<Person> {
  return request<Person>('PATCH', `/api/people/${encodeURIComponent(username)}`, { body: patch });
}

export async function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return (await request<{ tokens: ApiToken[] }>('GET', '/api/tokens', { signal })).tokens;
}

export function createToken(name: string): Promise<NewApiToken> {
  return request<NewApiToken>('POST', '/api/tokens', { body: { name } });
}

export function revokeToken(id: number): Promise<void> {
  return request<void>('DELETE', `/api/tokens/${id}`);
}
