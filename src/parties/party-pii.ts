import { normalizeChineseMobile } from 'src/common/validation/china-ids';
import { PiiCipher } from 'src/pii/pii-cipher';

/** The blind index a phone is looked up by (mainland mobiles normalised first, so +86 and spaces still match). */
export function phoneIndex(pii: PiiCipher, phone: string): string {
  return pii.blindIndex('phone', normalizeChineseMobile(phone) ?? phone);
}

/** The blind index of an ID number (stored upper-case, so a lower-case check letter still matches). */
export function idNumberIndex(pii: PiiCipher, idNumber: string): string {
  return pii.blindIndex('idNumber', idNumber.toUpperCase());
}
