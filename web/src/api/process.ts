import { request, requestText } from './http';
import { toVersion } from './catalog';
import type { ProcessStatus, ProcessVersion, ProcessVersionWire, StepIn } from './types';

function versionsPath(processCode: string): string {
  return `/api/processes/${encodeURIComponent(processCode)}/versions`;
}

/** Draft the next issue of a process from its steps (specialists and heads of the owning unit). */
export async function createVersion(processCode: string, steps: StepIn[], name?: string): Promise<ProcessVersion> {
  const body = name ? { name, steps } : { steps };
  return toVersion(await request<ProcessVersionWire>('POST', versionsPath(processCode), { body }));
}

export type TransitionTarget = Extract<ProcessStatus, 'submitted' | 'approved' | 'effective'>;

/** Move an issue on: submitted (drafters), approved or effective (the director). */
export async function transitionVersion(processCode: string, issue: number, to: TransitionTarget): Promise<ProcessVersion> {
  return toVersion(
    await request<ProcessVersionWire>('POST', `${versionsPath(processCode)}/${issue}/transition`, { body: { to } }),
  );
}

/** The URL of an issue as BPMN 2.0 XML (also a download link). */
export function processBpmnUrl(processCode: string, issue: number): string {
  return `${versionsPath(processCode)}/${issue}/bpmn`;
}

/** An issue as BPMN 2.0 XML with its diagram (public). */
export function getProcessBpmn(processCode: string, issue: number, signal?: AbortSignal): Promise<string> {
  return requestText(processBpmnUrl(processCode, issue), { signal });
}
