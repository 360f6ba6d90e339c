import { Injectable } from '@nestjs/common';
import { AuthSessionEntity, RefreshTokenEntity } from 'src/sessions/auth-session.entity';
import { DbContext } from 'src/database/db-context';

export interface RefreshTokenWithSession {
  id: string;
  sessionId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly db: DbContext) {}

  async createSession(userId: string): Promise<AuthSessionEntity> {
    const repo = this.db.manager.getRepository(AuthSessionEntity);
    return repo.save(repo.create({ userId, revokedAt: null, revokedReason: null }));
  }

  async addRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.manager.insert(RefreshTokenEntity, { sessionId, tokenHash, expiresAt, usedAt: null });
  }

  /** Locks the token row so two concurrent refreshes with one token cannot both succeed. */
  async findRefreshTokenForUpdate(tokenHash: string): Promise<RefreshTokenWithSession | undefined> {
    const rows = await this.db.manager.query<
      {
        id: string;
        session_id: string;
        user_id: string;
        expires_at: Date;
        used_at: Date | null;
        revoked_at: Date | null;
      }[]
    >(
      `SELECT t.id, t.session_id, s.user_id, t.expires_at, t.used_at, s.revoked_at
         FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t`,
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id,
          sessionId: row.session_id,
          userId: row.user_id,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
          sessionRevokedAt: row.revoked_at,
        }
      : undefined;
  }

  async markRefreshTokenUsed(id: string): Promise<void> {
    await this.db.manager.update(RefreshTokenEntity, { id }, { usedAt: () => 'now()' });
  }

  async revokeSession(id: string, reason: string): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(AuthSessionEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
  }
}
