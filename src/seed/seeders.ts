import type { Seeder } from 'src/seed/seeder';

/** Demo data, in dependency order. Each feature adds its seeder here. */
export const SEEDERS: Seeder[] = [];
