/** The token of an `Authorization: Bearer …` header, if that is what the header holds. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}
