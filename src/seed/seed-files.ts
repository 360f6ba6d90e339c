import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from 'src/auth/role';

const CONFIG_DIR = join(__dirname, '..', '..', '..', 'config');
const SOURCE_CONFIG_DIR = join(__dirname, '..', '..', 'config');

function readConfigJson(name: string): unknown {
  // Compiled code sits one folder deeper (dist/src/…) than the sources (src/…).
  for (const dir of [SOURCE_CONFIG_DIR, CONFIG_DIR]) {
    try {
      return JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`config/${name} not found`);
}

export interface SeedUnit {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface SeedTree extends SeedUnit {
  kind: 'city';
  children: (SeedUnit & { kind: 'district'; streets: SeedUnit[] })[];
}

export interface SeedUsers {
  password: string;
  users: { username: string; displayName: string; roles: Role[]; unit: string }[];
}

export const readSeedTree = () => readConfigJson('org-units.json') as SeedTree;
export const readSeedUsers = () => readConfigJson('demo-users.json') as SeedUsers;
