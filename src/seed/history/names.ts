import { CaseCategory } from 'src/cases/case.enums';
import { Rng, Weighted } from 'src/seed/history/rng';

/** Characters of made-up brand names (字号); two of them make names like 鑫达, 华盛, 博远. */
const BRAND_CHARS = [
  ...Array.from('鑫华盛泰恒达信宏博远嘉瑞誉鼎晟睿昊亿金安和祥通汇丰源德创智联鸿兴隆佳宇天弘景润泽福裕辰锦程诚豪腾越卓'),
  ...Array.from('峰海明阳康顺宁永开志新伟东方中正昌荣盈盛凯威展洋发协力众合百益长久万科丽雅美星辉光耀启航捷'),
];

export interface IndustrySpec {
  /** Stored in employer.industry. */
  label: string;
  suffixes: readonly string[];
}

/** Industries the hotline hears most about, with the usual shapes of company names in each. */
export const INDUSTRIES = {
  construction: {
    label: '建筑业',
    suffixes: ['建筑工程有限公司', '建设工程有限公司', '装饰工程有限公司', '劳务有限公司'],
  },
  catering: { label: '餐饮业', suffixes: ['餐饮管理有限公司', '餐饮有限公司', '饮食文化有限公司'] },
  logistics: {
    label: '交通运输和物流',
    suffixes: ['物流有限公司', '供应链管理有限公司', '速运有限公司', '货运有限公司'],
  },
  platform: {
    label: '互联网平台（即时配送、网约车）',
    suffixes: ['网络科技有限公司', '即时配送服务有限公司', '出行科技有限公司'],
  },
  tech: { label: '信息技术', suffixes: ['科技有限公司', '信息技术有限公司', '软件有限公司', '数据服务有限公司'] },
  manufacturing: { label: '制造业', suffixes: ['机械制造有限公司', '电子有限公司', '食品有限公司', '服装有限公司'] },
  property: { label: '物业和保洁', suffixes: ['物业管理有限公司', '保洁服务有限公司', '环境服务有限公司'] },
  retail: { label: '批发零售', suffixes: ['商贸有限公司', '超市有限公司', '商业连锁有限公司'] },
  education: { label: '教育培训', suffixes: ['教育科技有限公司', '培训学校有限公司', '文化传播有限公司'] },
  domestic: { label: '家政服务', suffixes: ['家政服务有限公司', '养老服务有限公司'] },
  security: { label: '保安服务', suffixes: ['保安服务有限公司'] },
  hotel: { label: '住宿和旅游', suffixes: ['酒店管理有限公司', '旅行社有限公司'] },
  auto: { label: '汽车服务', suffixes: ['汽车服务有限公司', '汽车销售有限公司'] },
} as const satisfies Record<string, IndustrySpec>;

export type Industry = keyof typeof INDUSTRIES;

/** How common each industry is among employers named to the hotline. */
export const INDUSTRY_SHARE: Record<Industry, number> = {
  construction: 16,
  catering: 13,
  logistics: 9,
  platform: 5,
  tech: 10,
  manufacturing: 8,
  property: 8,
  retail: 10,
  education: 5,
  domestic: 4,
  security: 4,
  hotel: 4,
  auto: 4,
};

/** Which industries a category's employers are in (relative to INDUSTRY_SHARE). */
export const INDUSTRY_BY_CATEGORY: Partial<Record<CaseCategory, Partial<Record<Industry, number>>>> = {
  [CaseCategory.WageArrears]: { construction: 5, catering: 1.5, manufacturing: 1.5, logistics: 1.2 },
  [CaseCategory.PlatformWork]: { platform: 12, logistics: 4, catering: 1 },
  [CaseCategory.WorkInjury]: { construction: 5, manufacturing: 3, logistics: 2 },
  [CaseCategory.OccupationalSafety]: { construction: 4, manufacturing: 4 },
  [CaseCategory.WorkingHours]: { tech: 3, retail: 2, catering: 2, security: 2 },
  [CaseCategory.SocialInsurance]: { property: 2, domestic: 2, security: 2 },
};

export function brandName(rng: Rng): string {
  return rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS);
}

const SURNAMES = new Weighted<string>(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
  ).map((s, i) => [s, 1 / (1 + i * 0.08)] as const),
);
const GIVEN_CHARS = [
  ...Array.from(
    '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰志红建华玉萍辉鹏飞晨宇浩然欣怡子涵梓轩雨婷佳琪俊峰海燕',
  ),
];

export function personName(rng: Rng): string {
  const given = rng.chance(0.7) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return SURNAMES.draw(rng) + given;
}

const ROADS = [
  '建国路',
  '复兴路',
  '阜成路',
  '学院路',
  '中关村大街',
  '望京街',
  '科创街',
  '丰台路',
  '南苑路',
  '回龙观东大街',
  '西红门路',
  '工体北路',
  '东三环中路',
  '莲花池东路',
  '马家堡西路',
];

export function address(rng: Rng, districtName: string): string {
  const district = districtName.replace('总工会', '');
  return `北京市${district}${rng.pick(ROADS)}${rng.int(1, 300)}号`;
}

const NARRATIVE: Record<CaseCategory, readonly string[]> = {
  [CaseCategory.WageArrears]: [
    '反映单位拖欠{n}名工人{m}个月工资，多次讨要未果。',
    '项目完工后包工头拖欠{n}人工资，春节前急需讨薪。',
    '单位以经营困难为由拖欠工资{m}个月。',
  ],
  [CaseCategory.LabourContract]: ['入职{m}个月单位未签订书面劳动合同。', '单位单方面变更劳动合同约定的岗位和工资。'],
  [CaseCategory.SocialInsurance]: ['单位未依法缴纳社会保险{m}个月。', '单位按最低基数缴纳社保，要求补缴差额。'],
  [CaseCategory.WorkInjury]: ['工作中受伤，单位拒绝申报工伤。', '工伤认定后单位拖延支付停工留薪期待遇。'],
  [CaseCategory.WorkingHours]: ['长期每天工作12小时以上，加班费未支付。', '单位安排周末加班不支付加班费。'],
  [CaseCategory.Dismissal]: ['单位违法解除劳动合同，未支付经济补偿。', '怀孕期间被单位辞退。'],
  [CaseCategory.OccupationalSafety]: ['作业现场缺少安全防护设施，存在安全隐患。', '单位未提供劳动防护用品。'],
  [CaseCategory.Discrimination]: ['招聘中因年龄、性别受到歧视。', '因患病被调岗降薪。'],
  [CaseCategory.PlatformWork]: ['骑手反映平台站点克扣配送费{m}个月。', '网约车司机反映平台单方面调整抽成并封号。'],
  [CaseCategory.Other]: ['咨询工会会员权益及帮扶政策。', '反映单位未按规定组建工会。'],
};

const CONSULTATION: Record<CaseCategory, string> = {
  [CaseCategory.WageArrears]: '咨询被拖欠工资如何维权。',
  [CaseCategory.LabourContract]: '咨询劳动合同签订和续订的规定。',
  [CaseCategory.SocialInsurance]: '咨询社会保险缴纳和转移接续政策。',
  [CaseCategory.WorkInjury]: '咨询工伤认定和待遇标准。',
  [CaseCategory.WorkingHours]: '咨询工作时间和加班费计算。',
  [CaseCategory.Dismissal]: '咨询解除劳动合同的经济补偿标准。',
  [CaseCategory.OccupationalSafety]: '咨询职业病防治和劳动保护规定。',
  [CaseCategory.Discrimination]: '咨询就业歧视的认定和救济途径。',
  [CaseCategory.PlatformWork]: '咨询新就业形态劳动者权益保障政策。',
  [CaseCategory.Other]: '咨询工会法律援助和困难帮扶政策。',
};

export function narrative(rng: Rng, category: CaseCategory, consultation: boolean, workers: number): string {
  if (consultation) return CONSULTATION[category];
  return rng
    .pick(NARRATIVE[category])
    .replace('{n}', String(workers))
    .replace('{m}', String(rng.int(2, 8)));
}
