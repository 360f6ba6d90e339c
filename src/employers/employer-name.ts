const LEGAL_FORM_SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司'];

/**
 * The key employers are de-duplicated by when they have no credit code: full-width forms folded to half-width
 * (NFKC), spaces and brackets removed, case folded, and the common legal-form suffix removed, so
 * "北京 华为技术有限公司", "北京华为技术（有限公司）" and "北京华为技术有限责任公司" are one employer.
 */
export function normalizeEmployerName(name: string): string {
  let value = name.normalize('NFKC').toLowerCase();
  value = value.replace(/[\s\u3000]+/g, '').replace(/[()（）[\]【】]/g, '');
  for (const suffix of LEGAL_FORM_SUFFIXES) {
    if (value.endsWith(suffix) && value.length > suffix.length) {
      value = value.slice(0, -suffix.length);
      break;
    }
  }
  return value;
}
