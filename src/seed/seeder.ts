import type { DataSource } from 'typeorm';

/** One idempotent piece of demo data: running the seed twice leaves the same rows. */
export interface Seeder {
  readonly name: string;
  run(dataSource: DataSource): Promise<string>;
}
