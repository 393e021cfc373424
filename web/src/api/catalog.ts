import { queryString, request } from './http';
import type {
  Agency,
  ControlPerson,
  Domain,
  FormFile,
  PersonRef,
  ProcedureDetail,
  ProcedureDetailWire,
  ProcedureList,
  ProcedureQuery,
  ProcessHistory,
  ProcessHistoryWire,
  ProcessVersion,
  ProcessVersionWire,
} from './types';

export function getAgency(signal?: AbortSignal): Promise<Agency> {
  return request<Agency>('GET', '/api/agency', { signal });
}

/** Set (or with null clear) the agency's abbreviation; administrators only. */
export function patchAgency(abbreviation: string | null): Promise<Agency> {
  return request<Agency>('PATCH', '/api/agency', { body: { abbreviation } });
}

export function listDomains(signal?: AbortSignal): Promise<Domain[]> {
  return request<Domain[]>('GET', '/api/domains', { signal });
}

export function searchProcedures(query: ProcedureQuery, signal?: AbortSignal): Promise<ProcedureList> {
  const qs = queryString({
    q: query.q?.trim(),
    domain: query.domain,
    level: query.level,
    kind: query.kind,
    limit: query.limit,
    offset: query.offset,
  });
  return request<ProcedureList>('GET', `/api/procedures${qs}`, { signal });
}

export function toPerson(ref: PersonRef | undefined): ControlPerson | null {
  if (ref === null || ref === undefined || ref === '') return null;
  return typeof ref === 'string' ? { username: ref } : ref;
}

export function toVersion<V extends ProcessVersionWire>(v: V): Omit<V, 'drafter' | 'reviewer' | 'approver'> & ProcessVersion {
  return {
    ...v,
    steps: v.steps ?? [],
    drafter: toPerson(v.drafter),
    reviewer: toPerson(v.reviewer),
    approver: toPerson(v.approver),
  };
}

export async function getProcedure(code: string, signal?: AbortSignal): Promise<ProcedureDetail> {
  const wire = await request<ProcedureDetailWire>('GET', `/api/procedures/${encodeURIComponent(code)}`, { signal });
  return {
    ...wire,
    legal_basis: wire.legal_basis ?? [],
    cases: wire.cases.map((c) => ({
      ...c,
      components: c.components ?? [],
      process: c.process ? toVersion(c.process) : null,
    })),
  };
}

/** A process's versions; `processCode` is its ISO code (QT-07), the id in the URL. */
export async function getProcessHistory(processCode: string, signal?: AbortSignal): Promise<ProcessHistory> {
  const wire = await request<ProcessHistoryWire>(
    'GET',
    `/api/processes/${encodeURIComponent(processCode)}/versions`,
    { signal },
  );
  return {
    ...wire,
    versions: wire.versions.map((v) => ({
      ...toVersion(v),
      history: (v.history ?? []).map((e) => ({ ...e, actor: toPerson(e.actor) })),
    })),
  };
}

function formFilePath(code: string, caseCode: string, order: number): string {
  return `/api/procedures/${encodeURIComponent(code)}/cases/${encodeURIComponent(caseCode)}/components/${order}/form-file`;
}

/** Attach (or replace) a component's blank form with an upload (administrators). */
export function attachFormFile(code: string, caseCode: string, order: number, upload: string): Promise<FormFile> {
  return request<FormFile>('PUT', formFilePath(code, caseCode, order), { body: { upload } });
}

/** Remove a component's blank form (administrators). */
export function removeFormFile(code: string, caseCode: string, order: number): Promise<void> {
  return request<void>('DELETE', formFilePath(code, caseCode, order));
}
