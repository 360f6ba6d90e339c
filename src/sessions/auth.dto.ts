import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Role } from 'src/auth/role';

export class LoginDto {
  /** @example "operator_city" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  /** @example "Demo-2026!" */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class RefreshDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenPairDto {
  accessToken!: string;
  /** Opaque; use once with POST /auth/refresh. Reusing a spent one revokes the whole session. */
  refreshToken!: string;
  tokenType!: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn!: number;
}

export class MeDto {
  id!: string;
  username!: string;
  roles!: Role[];
  orgUnitId!: string;
}
