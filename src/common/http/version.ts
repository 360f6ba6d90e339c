import { ValidationFailedError } from 'src/common/errors/domain.error';

/** The version an update was based on: the `version` field, or an `If-Match: "3"` (weak or strong) header. */
export function resolveVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  if (bodyVersion !== undefined) return bodyVersion;
  const match = ifMatch === undefined ? null : /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
  if (match?.[1] !== undefined) return Number(match[1]);
  throw new ValidationFailedError([
    { field: 'version', reasons: ['send the case version you read, as a version field or an If-Match header'] },
  ]);
}
