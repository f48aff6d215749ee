/**
 * The words of the pictures (SPEC §13): the workbook's charts and their tables, the HTML
 * report and the batch trend page. Reports follow the config's locale (`say(text, locale)`).
 */
import { defineMessages } from './text.js';

export const pictureText = defineMessages('pictures', {
  distributionTitle: { en: (_: void) => 'Final scores by band, coloured by grade', zh: () => '总分分布（按分数段，颜色为等级）' },
  distributionTable: { en: (_: void) => 'People by score band and grade (data of the chart)', zh: () => '各分数段、各等级人数（图表数据）' },
  band: { en: (_: void) => 'Score band', zh: () => '分数段' },
  bandFrom: { en: (_: void) => 'From (≥)', zh: () => '下限（≥）' },
  bandTo: { en: (_: void) => 'To (<)', zh: () => '上限（<）' },
  gradeMinimum: { en: (_: void) => 'Grade minimum', zh: () => '等级最低分' },
  total: { en: (_: void) => 'Total', zh: () => '合计' },
  people: { en: (_: void) => 'People', zh: () => '人数' },
  teamTitle: { en: (_: void) => 'Average score of each dimension, by team', zh: () => '各班组维度平均分' },
  teamTable: { en: (_: void) => 'Average of each dimension by team (data of the chart)', zh: () => '各班组维度平均分（图表数据）' },
  allTeams: { en: (_: void) => 'All', zh: () => '全部' },
  noTeam: { en: (_: void) => '(no team)', zh: () => '（无班组）' },
  profileTitle: { en: (_: void) => 'Dimension scores beside the role average', zh: () => '维度得分与同岗位平均' },
  self: { en: (_: void) => 'This person', zh: () => '本人' },
  roleAverage: { en: (_: void) => 'Role average', zh: () => '同岗位平均' },
  score: { en: (_: void) => 'Score', zh: () => '得分' },
  atLeast: { en: (p: { n: string }) => `≥ ${p.n}`, zh: (p) => `≥ ${p.n}` },
  below: { en: (p: { n: string }) => `< ${p.n}`, zh: (p) => `< ${p.n}` },
});
