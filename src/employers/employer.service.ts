import { Injectable } from '@nestjs/common';
import { normalizeEmployerName } from 'src/employers/employer-name';
import { EmployerEntity } from 'src/employers/employer.entity';
import { EmployerRef, EmployerRepository } from 'src/employers/employer.repository';

export interface EmployerDetails {
  name: string;
  creditCode?: string;
  industry?: string;
  address?: string;
}

@Injectable()
export class EmployerService {
  constructor(private readonly employers: EmployerRepository) {}

  /** The de-duplicated employer id for what the caller said. */
  async resolve(details: EmployerDetails): Promise<EmployerRef> {
    const name = details.name.normalize('NFKC').trim().replace(/\s+/g, ' ');
    return this.employers.findOrCreate({
      name,
      normalizedName: normalizeEmployerName(name),
      creditCode: details.creditCode?.toUpperCase() ?? null,
      industry: details.industry ?? null,
      address: details.address ?? null,
    });
  }

  async find(id: string): Promise<EmployerEntity | null> {
    return this.employers.findById(id);
  }
}
