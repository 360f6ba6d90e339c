import { Injectable } from '@nestjs/common';
import { AttachmentEntity } from 'src/attachments/attachment.entity';
import { Scope } from 'src/auth/principal';
import { DbContext } from 'src/database/db-context';

@Injectable()
export class AttachmentRepository {
  constructor(private readonly db: DbContext) {}

  private get repo() {
    return this.db.manager.getRepository(AttachmentEntity);
  }

  async insert(attachment: Omit<AttachmentEntity, 'id' | 'createdAt' | 'case'>): Promise<AttachmentEntity> {
    return this.repo.save(this.repo.create(attachment));
  }

  /** Through its case: an attachment is visible exactly when its case is. */
  async findInScope(id: string, scope: Scope): Promise<AttachmentEntity | null> {
    return this.repo
      .createQueryBuilder('a')
      .innerJoin('a.case', 'c')
      .where('a.id = :id AND c.owner_path LIKE :prefix', { id, prefix: `${scope.unitPath}%` })
      .getOne();
  }

  async listForCase(caseId: string): Promise<AttachmentEntity[]> {
    return this.repo.find({ where: { caseId }, order: { createdAt: 'ASC' }, take: 200 });
  }
}
