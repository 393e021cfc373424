import { request } from './http';

/** GET/PUT /api/calendar/agency: the agency's own calendar file (administrators). */
export interface AgencyCalendar {
  /** The file; null when the agency has none. */
  text: string | null;
  updated_at: string | null;
  updated_by: string | null;
  /** The name the parser's errors use: agency.txt. */
  file: string;
  in_force: boolean;
  data: string;
  error: string | null;
}

/** The PUT's answer: the file in force and how many open dossiers it moved (docs/CALENDAR.md §3.2). */
export interface AgencyCalendarSaved extends AgencyCalendar {
  rescheduled: number;
  appointments_moved: number;
  open_dossiers: number;
}

export function getAgencyCalendar(signal?: AbortSignal): Promise<AgencyCalendar> {
  return request<AgencyCalendar>('GET', '/api/calendar/agency', { signal });
}

/** Replace the file ("" removes it); a file with an error is a 400 naming agency.txt:LINE:FIELD. */
export function putAgencyCalendar(text: string): Promise<AgencyCalendarSaved> {
  return request<AgencyCalendarSaved>('PUT', '/api/calendar/agency', { body: { text } });
}
