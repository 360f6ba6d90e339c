import { normalizeEmployerName } from 'src/employers/employer-name';

describe('normalizeEmployerName', () => {
  it.each([
    ['北京华为技术有限公司', '北京华为技术'],
    ['北京华为技术有限责任公司', '北京华为技术'],
    ['北京华为技术股份有限公司', '北京华为技术'],
    ['北京 华为技术　有限公司', '北京华为技术'],
    ['北京华为技术（有限公司）', '北京华为技术'],
    ['北京華為ＡＢＣ有限公司', '北京華為abc'],
    ['（北京）美团科技有限公司', '北京美团科技'],
    ['Beijing Foo Co', 'beijingfooco'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeEmployerName(input)).toBe(expected);
  });

  it('keeps a name that is only a suffix', () => {
    expect(normalizeEmployerName('有限公司')).toBe('有限公司');
  });
});
