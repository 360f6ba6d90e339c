import type { AuditService } from 'src/audit/audit.service';
import type { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { CaseEventType } from 'src/cases/case-event.entity';
import type { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseHook, CaseHookRegistry, CaseWrite } from 'src/cases/case-hooks';
import { caseStateOf } from 'src/cases/case-state';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseCategory, CaseKind, CasePriority, CaseStatus } from 'src/cases/case.enums';
import type { CaseRepository } from 'src/cases/case.repository';
import type { CaseResponseDto } from 'src/cases/case-response.dto';
import type { CaseService } from 'src/cases/case.service';
import { CaseWriter } from 'src/cases/case-writer';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import type { Clock } from 'src/common/util/clock';

/**
 * The write path of every case change, with the database replaced by a row in memory: what the hooks see, when
 * they run, and what stops them. (The e2e suites run the same path against PostgreSQL.)
 */
const T0 = new Date('2026-03-02T01:00:00Z');

class FakeClock implements Pick<Clock, 'now'> {
  at = T0;
  now(): Date {
    return this.at;
  }
}

function caseRow(patch: Partial<CaseEntity> = {}): CaseEntity {
  return Object.assign(new CaseEntity(), {
    id: 'c1',
    number: 'GD-2026-000001',
    kind: CaseKind.LabourDispute,
    category: CaseCategory.WageArrears,
    priority: CasePriority.Normal,
    status: CaseStatus.InProgress,
    orgUnitId: 'u1',
    ownerPath: 'city.d1',
    assigneeId: null,
    employerId: null,
    workersAffected: 3,
    disputeArisenOn: null,
    claimedFen: '500000',
    recoveredFen: '100000',
    version: 4,
    ...patch,
  });
}

/** One case row; updateIfVersion behaves as the conditional UPDATE does. */
function fakeStore(row: CaseEntity, log: string[]) {
  let current = row;
  const cases = {
    updateIfVersion: (_id: string, version: number, change: { fields: Partial<CaseEntity> }) => {
      if (version !== current.version) return Promise.resolve(undefined);
      log.push('update');
      current = Object.assign(new CaseEntity(), current, change.fields, { version: current.version + 1 });
      return Promise.resolve(current.version);
    },
    versionOf: () => Promise.resolve(current.version),
    findAfterWrite: () => Promise.resolve(current),
  };
  const events = { append: (_id: string, type: CaseEventType) => Promise.resolve(void log.push(`event ${type}`)) };
  const audit = { record: () => Promise.resolve(void log.push('audit')) };
  const caseService = {
    respond: (entity: CaseEntity) => {
      log.push('respond');
      return Promise.resolve({ id: entity.id, version: entity.version } as CaseResponseDto);
    },
  };
  return {
    cases,
    events,
    audit,
    caseService,
    bump: () => (current = Object.assign(new CaseEntity(), current, { version: 9 })),
  };
}

class RecordingHook implements CaseHook {
  readonly seen: CaseWrite[] = [];
  constructor(
    private readonly name: string,
    private readonly log: string[],
    private readonly fail = false,
  ) {}
  afterWrite(write: CaseWrite): Promise<void> {
    this.log.push(`hook ${this.name}`);
    this.seen.push(write);
    return this.fail ? Promise.reject(new Error(`${this.name} failed`)) : Promise.resolve();
  }
}

const actor: Actor = {
  principal: {
    userId: 'user-1',
    username: 'm1',
    roles: [Role.Mediator],
    unitId: 'u1',
    unitPath: 'city.d1',
    sessionId: 's1',
  },
  correlationId: 'corr',
  ip: '127.0.0.1',
};

function writerWith(hooks: CaseHook[], log: string[], row = caseRow()) {
  const store = fakeStore(row, log);
  const clock = new FakeClock();
  const registry = new CaseHookRegistry();
  registry.register(hooks);
  const writer = new CaseWriter(
    store.cases as unknown as CaseRepository,
    store.events as unknown as CaseEventRepository,
    store.caseService as unknown as CaseService,
    store.audit as unknown as AuditService,
    registry,
    clock,
  );
  return { writer, clock, store };
}

describe('CaseWriter.apply: the after-write hooks', () => {
  it('run in list order after the row, event and audit entry, on states read from the rows, before the response', async () => {
    const log: string[] = [];
    const first = new RecordingHook('first', log);
    const second = new RecordingHook('second', log);
    const { writer, clock } = writerWith([first, second], log);
    clock.at = new Date('2026-03-05T08:30:00Z');
    const before = caseRow();

    const response = await writer.apply(
      actor,
      before,
      4,
      { fields: { status: CaseStatus.Mediation, assigneeId: 'user-2' } },
      CaseEventType.MediationStarted,
      { sessionOn: '2026-03-09' },
    );

    expect(log).toEqual([
      'update',
      `event ${CaseEventType.MediationStarted}`,
      'audit',
      'hook first',
      'hook second',
      'respond',
    ]);
    expect(response.version).toBe(5);
    expect(second.seen).toEqual(first.seen);
    const [write] = first.seen;
    expect(write?.event).toBe(CaseEventType.MediationStarted);
    expect(write?.data).toEqual({ sessionOn: '2026-03-09' });
    expect(write?.at).toEqual(new Date('2026-03-05T08:30:00Z'));
    expect(write?.before).toMatchObject({ status: CaseStatus.InProgress, assigneeId: null, version: 4 });
    expect(write?.after).toMatchObject({ status: CaseStatus.Mediation, assigneeId: 'user-2', version: 5 });
    // Money as the domain holds it, not as the API prints it.
    expect(write?.after.recoveredFen).toBe(100000n);
    expect(write?.after.claimedFen).toBe(500000n);
  });

  it('do not run when the case moved on since it was read: 409 with the version it is at now', async () => {
    const log: string[] = [];
    const hook = new RecordingHook('only', log);
    const { writer, store } = writerWith([hook], log);
    store.bump();

    const error = await writer
      .apply(actor, caseRow(), 4, { fields: {} }, CaseEventType.Urged, {})
      .then(() => undefined)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.VersionConflict);
    expect((error as DomainError).details).toEqual({ currentVersion: 9 });
    expect(hook.seen).toHaveLength(0);
    expect(log).toEqual([]);
  });

  it('fail the write when one fails (its transaction rolls back): later hooks and the response do not run', async () => {
    const log: string[] = [];
    const failing = new RecordingHook('failing', log, true);
    const later = new RecordingHook('later', log);
    const { writer } = writerWith([failing, later], log);

    await expect(writer.apply(actor, caseRow(), 4, { fields: {} }, CaseEventType.Urged, {})).rejects.toThrow(
      'failing failed',
    );
    expect(log).toEqual(['update', `event ${CaseEventType.Urged}`, 'audit', 'hook failing']);
  });
});

describe('CaseHookRegistry', () => {
  it('refuses to run before the hooks are registered, a second registration, and a hook listed twice', async () => {
    const registry = new CaseHookRegistry();
    const write: CaseWrite = {
      event: CaseEventType.Urged,
      data: {},
      before: null,
      after: caseStateOf(caseRow()),
      at: T0,
    };
    await expect(registry.afterWrite(write)).rejects.toThrow('No case hooks registered');
    const hook = new RecordingHook('h', []);
    expect(() => {
      registry.register([hook, hook]);
    }).toThrow('listed twice');
    registry.register([hook]);
    expect(() => {
      registry.register([hook]);
    }).toThrow('registered once');
    await registry.afterWrite(write);
    expect(hook.seen).toEqual([write]);
  });
});
