import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import { EmployerSuggestionDto, toEmployerSuggestion } from 'src/employers/employer.dto';
import { normalizeEmployerName } from 'src/employers/employer-name';
import { EmployerEntity } from 'src/employers/employer.entity';
import { EmployerRef, EmployerRepository } from 'src/employers/employer.repository';
import { OrgUnitKind } from 'src/org-units/org-unit.entity';
import { OrgUnitRepository } from 'src/org-units/org-unit.repository';

export interface EmployerDetails {
  name: string;
  creditCode?: string;
  industry?: string;
  address?: string;
  districtId?: string;
}

@Injectable()
export class EmployerService {
  constructor(
    private readonly employers: EmployerRepository,
    private readonly units: OrgUnitRepository,
  ) {}

  /**
   * The de-duplicated employer for what the caller said. A district given for an employer known without one is
   * recorded; one known already is kept (a caller's guess does not move an employer between districts).
   */
  async resolve(details: EmployerDetails, field = 'employer'): Promise<EmployerRef> {
    const districtId = details.districtId ?? null;
    if (districtId !== null && (await this.units.findById(districtId))?.kind !== OrgUnitKind.District) {
      const path = `${field}.districtId`;
      throw new ValidationFailedError([{ field: path, reasons: [`${path} must be the id of a district union`] }]);
    }
    const name = details.name.normalize('NFKC').trim().replace(/\s+/g, ' ');
    const employer = await this.employers.findOrCreate({
      name,
      normalizedName: normalizeEmployerName(name),
      creditCode: details.creditCode?.toUpperCase() ?? null,
      industry: details.industry ?? null,
      address: details.address ?? null,
      districtId,
    });
    if (districtId === null || employer.districtId !== null) return employer;
    return { ...employer, districtId: await this.employers.adoptDistrict(employer.id, districtId) };
  }

  async find(id: string): Promise<EmployerEntity | null> {
    return this.employers.findById(id);
  }

  /**
   * Employers matching what the caller typed: the name compared as employers are de-duplicated (normalised), the
   * credit code upper-cased. Employers are public reference data, but the list keeps to those with a case in the
   * caller's scope, so it tells a district nothing about another's caseload.
   */
  async suggest(actor: Actor, q: string): Promise<EmployerSuggestionDto[]> {
    const text = q.normalize('NFKC').trim();
    const name = normalizeEmployerName(text);
    const code = /^[0-9A-Z]{1,18}$/i.test(text) ? text.toUpperCase() : '';
    if (name === '' && code === '') return [];
    const found = await this.employers.suggest({ name, code, scopePath: actor.principal.unitPath, limit: 10 });
    return found.map(toEmployerSuggestion);
  }
}
