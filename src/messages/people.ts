/**
 * What kpi says about the people it scores: the roster (a role the scheme lacks, an
 * employee listed twice) and the people in the ledgers who are not in it.
 */
import { defineMessages } from './text.js';

export const peopleText = defineMessages('people', {
  roleNotInConfig: { en: (p: { role: string; known: string }) => `role "${p.role}" is not in the config (roles: ${p.known})`, zh: (p) => `考核方案中没有岗位「${p.role}」（已有岗位：${p.known}）` },
  listedTwice: {
    en: (p: { file: string; row: number; id: string; first: number }) => `${p.file} row ${p.row}: employee ${p.id} is listed twice in the roster; using row ${p.first}`,
    zh: (p) => `${p.file} 第 ${p.row} 行：员工 ${p.id} 在花名册中出现了两次；以第 ${p.first} 行为准`,
  },
  noDefaultRole: { en: () => 'not in the roster, and the config has no default_role to score them under', zh: () => '不在花名册中，而考核方案也没有 default_role 可用来评分' },
  inAll: { en: (p: { count: number }) => `, … (${p.count} in all)`, zh: (p) => `……（共 ${p.count} 人）` },
  scoredAs: { en: (p: { role: string }) => `scored as ${p.role}`, zh: (p) => `按「${p.role}」评分` },
  notScored: { en: () => 'not scored', zh: () => '未评分' },
  notInRoster: {
    en: (p: { count: number; how: string; shown: string }) => `${p.count} people in the ledgers are not in the roster (${p.how}): ${p.shown}`,
    zh: (p) => `台账中有 ${p.count} 人不在花名册中（${p.how}）：${p.shown}`,
  },
  noRole: { en: () => 'no role', zh: () => '没有岗位' },
});
