import { parentUnitIdOf, unitAndParentIds } from 'src/org-units/unit-path';

describe('the unit above, from a materialized path', () => {
  it('is the second-to-last id; the root has none', () => {
    expect(parentUnitIdOf('/city/district/street/')).toBe('district');
    expect(parentUnitIdOf('/city/district/')).toBe('city');
    expect(parentUnitIdOf('/city/')).toBeNull();
    expect(unitAndParentIds('/city/district/street/')).toEqual(['street', 'district']);
    expect(unitAndParentIds('/city/')).toEqual(['city']);
  });
});
