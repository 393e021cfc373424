// The person form's values, its checks before sending, and the request
// bodies (POST /api/people, PATCH /api/people/{username}).
import type { Person, PersonCreate, PersonPatch, RoleInput, RoleName } from '@/api/types';

export interface PersonValues {
  username: string;
  full_name: string;
  position: string;
  email: string;
  phone: string;
  password: string;
  roles: { role: RoleName | ''; unit: string }[];
  in_charge_of: string[];
}

export type PersonField = 'username' | 'full_name' | 'password' | 'roles';
/** i18n keys of the messages, by field. */
export type PersonProblems = Partial<Record<PersonField, string>>;

export const USERNAME = /^[a-z0-9._-]{3,32}$/;

export function emptyPerson(): PersonValues {
  return { username: '', full_name: '', position: '', email: '', phone: '', password: '', roles: [{ role: '', unit: '' }], in_charge_of: [] };
}

export function valuesOf(p: Person): PersonValues {
  return {
    username: p.username,
    full_name: p.full_name,
    position: p.position ?? '',
    email: p.email ?? '',
    phone: p.phone ?? '',
    password: '',
    roles: p.roles.map((r) => ({ role: r.role, unit: r.unit })),
    in_charge_of: p.in_charge_of.map((u) => u.code),
  };
}

/** What is missing or malformed; empty when the form may be sent. */
export function checkPerson(v: PersonValues, creating: boolean): PersonProblems {
  const out: PersonProblems = {};
  if (creating && !USERNAME.test(v.username.trim())) out.username = 'person.usernameInvalid';
  if (!v.full_name.trim()) out.full_name = 'person.required';
  if (v.password && v.password.length < 8) out.password = 'person.passwordShort';
  if (v.roles.length === 0 || v.roles.some((r) => !r.role || !r.unit)) out.roles = 'person.roleRequired';
  return out;
}

function roles(v: PersonValues): RoleInput[] {
  return v.roles.filter((r): r is RoleInput => r.role !== '' && r.unit !== '');
}

const deputy = (v: PersonValues): boolean => v.roles.some((r) => r.role === 'deputy_director');

export function createBody(v: PersonValues): PersonCreate {
  const body: PersonCreate = { username: v.username.trim(), full_name: v.full_name.trim(), roles: roles(v) };
  for (const k of ['position', 'email', 'phone'] as const) if (v[k].trim()) body[k] = v[k].trim();
  if (v.password) body.password = v.password;
  if (deputy(v)) body.in_charge_of = v.in_charge_of;
  return body;
}

/** Only what changed (roles and units in charge are sent whole when they changed). */
export function patchBody(before: Person, v: PersonValues): PersonPatch {
  const was = valuesOf(before);
  const patch: PersonPatch = {};
  for (const k of ['full_name', 'position', 'email', 'phone'] as const) if (v[k].trim() !== was[k]) patch[k] = v[k].trim();
  if (v.password) patch.password = v.password;
  if (JSON.stringify(roles(v)) !== JSON.stringify(was.roles)) patch.roles = roles(v);
  const inCharge = deputy(v) ? v.in_charge_of : [];
  if (JSON.stringify([...inCharge].sort()) !== JSON.stringify([...was.in_charge_of].sort())) patch.in_charge_of = inCharge;
  return patch;
}
