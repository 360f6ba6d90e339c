import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/app-config';

export interface StoredFile {
  sizeBytes: number;
  sha256: string;
  /** The first bytes, for content sniffing. */
  head: Buffer;
}

/** Where evidence bytes live. The database keeps only metadata and the key. */
export abstract class FileStorage {
  abstract put(key: string, content: Readable): Promise<StoredFile>;
  abstract open(key: string): Promise<Readable>;
  abstract remove(key: string): Promise<void>;
}

const HEAD_BYTES = 16;

/** Files under one folder; written to a temporary name and renamed, so a failed upload leaves nothing. */
export class LocalDiskStorage extends FileStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(`${this.root}/`)) throw new Error('storage key escapes the storage folder');
    return path;
  }

  async put(key: string, content: Readable): Promise<StoredFile> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    const temporary = join(dirname(target), `.${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk]).subarray(0, HEAD_BYTES);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, createWriteStream(temporary, { flags: 'wx' }));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sizeBytes: size, sha256: hash.digest('hex'), head };
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** The storage every module that keeps files uses (attachments, exports): one folder, keys kept apart by prefix. */
export const FILE_STORAGE_PROVIDER: Provider = {
  provide: FileStorage,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new LocalDiskStorage(config.storage.dir),
};
