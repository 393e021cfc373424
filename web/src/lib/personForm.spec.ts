import { describe, expect, it } from 'vitest';
import type { Person } from '@/api/types';
import { checkPerson, createBody, emptyPerson, patchBody, valuesOf, type PersonValues } from './personForm';

const person: Person = {
  username: 'chuyenvien1.vp',
  full_name: 'Nguyễn Văn A',
  position: 'Chuyên viên',
  email: null,
  phone: null,
  disabled: false,
  roles: [{ role: 'specialist', unit: 'VP', unit_name: 'Văn phòng Sở' }],
  in_charge_of: [],
};

describe('person form', () => {
  it('refuses a bad username, a missing name, a short password and a role without unit', () => {
    const v = { ...emptyPerson(), username: 'Nguyễn', password: 'short', roles: [{ role: 'head' as const, unit: '' }] };
    expect(checkPerson(v, true)).toEqual({
      username: 'person.usernameInvalid',
      full_name: 'person.required',
      password: 'person.passwordShort',
      roles: 'person.roleRequired',
    });
    expect(checkPerson({ ...valuesOf(person) }, false)).toEqual({});
  });

  it('creates with only the fields filled, units in charge only for a deputy director', () => {
    const v: PersonValues = { ...emptyPerson(), username: 'canbo.moi', full_name: ' Trần Thị B ', password: 'motcua-demo', roles: [{ role: 'specialist' as const, unit: 'VP' }], in_charge_of: ['VP'] };
    expect(createBody(v)).toEqual({ username: 'canbo.moi', full_name: 'Trần Thị B', password: 'motcua-demo', roles: [{ role: 'specialist', unit: 'VP' }] });
    v.roles = [{ role: 'deputy_director', unit: 'BGD' }];
    expect(createBody(v).in_charge_of).toEqual(['VP']);
  });

  it('patches only what changed', () => {
    const v = valuesOf(person);
    expect(patchBody(person, v)).toEqual({});
    v.position = 'Phó Chánh Văn phòng';
    v.roles.push({ role: 'deputy_head', unit: 'VP' });
    expect(patchBody(person, v)).toEqual({
      position: 'Phó Chánh Văn phòng',
      roles: [
        { role: 'specialist', unit: 'VP' },
        { role: 'deputy_head', unit: 'VP' },
      ],
    });
  });
});
