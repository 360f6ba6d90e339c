import { Injectable } from '@nestjs/common';
import { DbContext } from 'src/database/db-context';
import { OrgUnitEntity, OrgUnitKind } from 'src/org-units/org-unit.entity';
import { OrgUnitRepository } from 'src/org-units/org-unit.repository';
import { readSeedTree, SeedUnit } from 'src/seed/seed-files';

/** The federation tree from config/org-units.json; units that exist (by code) are left as they are. */
@Injectable()
export class OrgTreeSeeder {
  constructor(
    private readonly db: DbContext,
    private readonly units: OrgUnitRepository,
  ) {}

  private async ensure(
    unit: SeedUnit,
    kind: OrgUnitKind,
    parent: OrgUnitEntity | null,
  ): Promise<[OrgUnitEntity, number]> {
    const existing = await this.units.findByCode(unit.code);
    if (existing) return [existing, 0];
    return [await this.units.insert({ code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn, kind }, parent), 1];
  }

  async run(): Promise<string> {
    const tree = readSeedTree();
    return this.db.transaction(async () => {
      let created = 0;
      let total = 1;
      const [city, c0] = await this.ensure(tree, OrgUnitKind.City, null);
      created += c0;
      for (const district of tree.children) {
        const [unit, c1] = await this.ensure(district, OrgUnitKind.District, city);
        created += c1;
        total += 1 + district.streets.length;
        for (const street of district.streets) created += (await this.ensure(street, OrgUnitKind.Street, unit))[1];
      }
      return `${created} created, ${total} in config`;
    });
  }
}
