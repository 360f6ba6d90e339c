import { Injectable } from '@nestjs/common';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import { PiiCipher } from 'src/pii/pii-cipher';
import { BusinessCalendar } from 'src/sla/business-calendar';
import { CalendarRepository } from 'src/sla/calendar.repository';
import { SlaPolicyRepository } from 'src/sla/sla-policy.repository';
import { dayStart, dayString, shanghaiDayNumber } from 'src/common/util/shanghai-time';
import { emptyBatch, HistoryGenerator } from 'src/seed/history/history-generator';
import { BulkSession, HistoryRepository, StoredParty } from 'src/seed/history/history.repository';
import { HistoryBatch, HistoryOptions, TreeRef } from 'src/seed/history/history.types';
import { employerCount, generateEmployers, generateParties, partyCount } from 'src/seed/history/pools';
import { indexStaff, planStaff } from 'src/seed/history/staff';
import { idNumberIndex, phoneIndex } from 'src/parties/party-pii';

/** Not a PHC string: verification fails, so the generated staff accounts cannot log in. */
const NO_LOGIN = '!history-generator-no-login';
const BATCH = 2000;
/** Generation yields this often, so the previous batch streams to PostgreSQL meanwhile. */
const SLICE = 250;

export interface HistorySummary {
  cases: number;
  rows: Record<keyof HistoryBatch | 'employers' | 'parties', number>;
  recoveredFen: number;
  seconds: number;
  triggersSkipped: boolean;
  databaseBytes: number;
}

/** `npm run seed -- --cases N`: generates and bulk-loads years of case history (docs/seed.md). */
@Injectable()
export class HistorySeeder {
  constructor(
    private readonly history: HistoryRepository,
    private readonly policies: SlaPolicyRepository,
    private readonly calendarDays: CalendarRepository,
    private readonly pii: PiiCipher,
  ) {}

  /** Whether the database already has cases (the history is generated into an empty case table only). */
  hasCases(): Promise<boolean> {
    return this.history.hasCases();
  }

  async run(options: HistoryOptions, log: (line: string) => void): Promise<HistorySummary> {
    const started = Date.now();
    if (await this.history.hasCases()) {
      throw new Error('the database already has cases; generate history into a freshly migrated database');
    }
    const tree = await this.history.tree();
    if (!tree || tree.districts.length === 0) throw new Error('no org tree with districts: seed the org tree first');
    const session = await this.history.openBulkSession();
    const rows = { employers: 0, parties: 0, ...this.countRows(emptyBatch()) };
    let recoveredFen = 0;
    try {
      const generator = await this.prepare(options, tree, session, rows, log);
      const lastNumber = new Map<number, number>();
      let pending: Promise<void> | undefined;
      let nextReport = 0.1;
      try {
        for (let from = 0; from < options.cases; from += BATCH) {
          const batch = emptyBatch();
          const to = Math.min(options.cases, from + BATCH);
          for (let a = from; a < to; a += SLICE) {
            generator.generate(a, Math.min(to, a + SLICE), batch);
            // Lets the previous batch stream to PostgreSQL while this one is generated.
            await yieldToIo();
          }
          for (const [table, n] of Object.entries(this.countRows(batch))) rows[table as keyof HistoryBatch] += n;
          for (const c of batch.cases) {
            recoveredFen += c.recoveredFen;
            const [, year, n] = c.number.split('-');
            lastNumber.set(Number(year), Math.max(lastNumber.get(Number(year)) ?? 0, Number(n)));
          }
          await pending;
          pending = session.insert(batch);
          if (to / options.cases >= nextReport) {
            const percent = Math.round((100 * to) / options.cases);
            log(`${to} cases (${percent} %), ${Math.round((Date.now() - started) / 1000)} s`);
            nextReport = Math.floor(to / options.cases / 0.1 + 1) * 0.1;
          }
        }
      } finally {
        // A failed batch must not be left running on the connection the session is about to roll back.
        await pending?.catch(() => undefined);
      }
      await pending;
      await session.advanceSequences(lastNumber);
      await session.commit();
    } finally {
      await session.close();
    }
    log(`committed after ${Math.round((Date.now() - started) / 1000)} s; analysing`);
    await this.history.analyze();
    await this.history.rebuildReports();
    log('report aggregates rebuilt with report_rebuild()');
    return {
      cases: options.cases,
      rows,
      recoveredFen,
      seconds: (Date.now() - started) / 1000,
      triggersSkipped: session.triggersSkipped,
      databaseBytes: await this.history.databaseSize(),
    };
  }

  /** Reads the policies, calendar and sequences; writes the staff, employers and parties the cases refer to. */
  private async prepare(
    options: HistoryOptions,
    tree: TreeRef,
    session: BulkSession,
    rows: { employers: number; parties: number },
    log: (line: string) => void,
  ): Promise<HistoryGenerator> {
    const lastDay = shanghaiDayNumber(options.until - 1);
    const firstDay = lastDay - Math.round(options.years * 365.2425) + 1;
    const calendar = new BusinessCalendar(await this.calendarDays.allDays()).withDayCache(
      firstDay - 400,
      lastDay + 400,
    );
    const staff = indexStaff(await session.upsertStaff(planStaff(options.seed, tree), NO_LOGIN));
    const from = dayStart(firstDay);
    const employers = generateEmployers(options.seed, employerCount(options.cases), tree, from);
    await session.insertEmployers(employers.rows);
    const parties = generateParties(options.seed, partyCount(options.cases), {
      cityId: tree.city.id,
      operators: staff.operators,
      from,
      to: dayStart(lastDay + 1),
    });
    await session.insertParties(parties.map((p) => this.encrypt(p)));
    rows.employers = employers.rows.length;
    rows.parties = parties.length;
    log(`${employers.rows.length} employers, ${parties.length} parties, staff of ${tree.districts.length} districts`);
    const years: number[] = [];
    for (let y = Number(dayString(firstDay).slice(0, 4)); y <= Number(dayString(lastDay).slice(0, 4)); y++) {
      years.push(y);
    }
    const policies = await this.policies.all();
    const sequenceBase = await this.history.sequenceBases(years);
    return new HistoryGenerator(options, { tree, policies, sequenceBase }, staff, employers, parties, calendar);
  }

  /** Through the real PiiCipher, as PartyService does: ciphertexts differ per run (random IVs), indexes do not. */
  private encrypt(p: ReturnType<typeof generateParties>[number]): StoredParty {
    return {
      id: p.id,
      orgUnitId: p.orgUnitId,
      name: p.name,
      phoneCipher: this.pii.encrypt('phone', p.phone),
      phoneIndex: phoneIndex(this.pii, p.phone),
      idNumberCipher: p.idNumber === null ? null : this.pii.encrypt('idNumber', p.idNumber),
      idNumberIndex: p.idNumber === null ? null : idNumberIndex(this.pii, p.idNumber),
      employmentForm: p.employmentForm,
      unionMember: p.unionMember,
      createdBy: p.createdBy,
      createdAt: p.createdAt,
    };
  }

  private countRows(batch: HistoryBatch): Record<keyof HistoryBatch, number> {
    return Object.fromEntries(Object.entries(batch).map(([k, v]) => [k, (v as unknown[]).length])) as Record<
      keyof HistoryBatch,
      number
    >;
  }
}
