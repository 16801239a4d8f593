import { chooseSchool, DEFAULT_SCHOOL_ID, schoolIdForTeam } from '../../../src/domain/schools/school';

const at = (day: number) => new Date(Date.UTC(2026, 8, day));
const regenboog = { schoolId: 'team_regenboog', createdAt: at(2) };
const klimop = { schoolId: 'team_klimop', createdAt: at(5) };
const fallback = { schoolId: DEFAULT_SCHOOL_ID, createdAt: at(1) };

describe('chooseSchool', () => {
  it('uses the default school in a tenant that knows no school yet', () => {
    expect(chooseSchool([], [])).toBe(DEFAULT_SCHOOL_ID);
  });

  it('uses the only school learned from a team, also when a default school exists', () => {
    expect(chooseSchool([], [fallback, regenboog])).toBe('team_regenboog');
  });

  it('uses the school that knows the person', () => {
    expect(chooseSchool(['team_klimop'], [fallback, regenboog, klimop])).toBe('team_klimop');
  });

  it('uses the oldest of several schools that know the person', () => {
    expect(chooseSchool(['team_klimop', 'team_regenboog'], [klimop, regenboog])).toBe('team_regenboog');
  });

  it('uses the oldest school when several schools exist and none knows the person', () => {
    expect(chooseSchool([], [klimop, regenboog])).toBe('team_regenboog');
  });

  it('trusts a membership even when the school row is missing', () => {
    expect(chooseSchool(['team_x', 'team_a'], [])).toBe('team_a');
  });
});

describe('schoolIdForTeam', () => {
  it('keys a school by its team with characters safe for Azure Tables', () => {
    expect(schoolIdForTeam('19:abc@thread.tacv2')).toBe('team_19%3Aabc%40thread.tacv2');
  });
});
