import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id at OWASP's baseline (19 MiB memory, 2 iterations, 1 lane): about 20–40 ms per hash on this
 * hardware, which bounds online guessing together with the login throttle.
 */
export const PASSWORD_HASH_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// Verified when the username does not exist, so a miss costs the same time as a wrong password.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$oEIovzvvu4uVhWHu94rQYA$DImEblP0qElMa5kMgsZqMffYYX8AYpBm/8ftzs89Y8Y';

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hash(password, PASSWORD_HASH_OPTIONS);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      const ok = await verify(passwordHash ?? DUMMY_HASH, password);
      return ok && passwordHash !== undefined;
    } catch {
      return false;
    }
  }
}
