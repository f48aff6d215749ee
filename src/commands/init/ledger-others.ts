/**
 * The small sheets of the sample ledger.xlsx: 人员名单 (the roster: twelve people, two
 * managers, two teams), 投诉台账, 奖惩记录, and the three ledgers only managers are scored
 * on (培训记录, 周报记录, 团队满意度). The rows are those of fixtures/sample.
 */
import { col, type SheetSpec } from './sheet-spec.js';

export const ROSTER: SheetSpec = {
  source: 'roster',
  name: { zh: '人员名单', en: 'People' },
  columns: [col('id', '工号', 'Employee ID'), col('name', '姓名', 'Name'), col('text', '岗位', 'Role'), col('text', '班组', 'Team')],
  rows: `
E001|王建国|客服经理|一组
E002|张伟|客服工程师|一组
E003|李娜|客服工程师|一组
E004|刘洋|客服工程师|一组
E005|陈静|客服工程师|一组
E006|杨帆|客服工程师|一组
E007|李秀英|客服经理|二组
E008|赵磊|客服工程师|二组
E009|黄敏|客服工程师|二组
E010|周杰|客服工程师|二组
E011|吴婷|客服工程师|二组
E012|孙浩|客服工程师|二组
`,
};

export const COMPLAINTS: SheetSpec = {
  source: 'complaints',
  name: { zh: '投诉台账', en: 'Complaints' },
  title: { zh: '2026年11月 客户投诉台账', en: 'Customer complaints, November 2026' },
  columns: [
    col('text', '投诉编号', 'Complaint no.'),
    col('date', '投诉日期', 'Complaint date'),
    col('text', '客户名称', 'Customer'),
    col('id', '责任人工号', 'Responsible ID'),
    col('text', '投诉内容', 'Complaint'),
    col('text', '是否有效', 'Valid'),
  ],
  rows: `
TS20261001|10-29|嘉兴明光照明|E005|上门迟到|是
TS20261002|11-06|扬州东方化工|E012|未按约定时间回电|是
TS20261003|11-07|绍兴天成印染|E004|维修后设备仍有异响|是
TS20261004|11-12|苏州精工设备厂|E009|误操作导致停机|是
TS20261005|11-16|宁波港务集团|E005|配件不符需二次上门|是
TS20261006|11-18|无锡新材料科技|E005|服务态度生硬|是
TS20261007|11-19|嘉兴明光照明|E004|收费解释不清|否
TS20261008|11-21|华东机电有限公司|E012|配件更换不及时|否
TS20261009|11-24|杭州恒达纺织|E005|维修后设备仍有异响|否
TS20261010|11-25|华东机电有限公司|E011|上门迟到|是
TS20261011|11-27|嘉兴明光照明|E005|未按约定时间回电|是
`,
};

export const EVENTS: SheetSpec = {
  source: 'events',
  name: { zh: '奖惩记录', en: 'Rewards and penalties' },
  columns: [col('id', '工号', 'Employee ID'), col('date', '记录日期', 'Date'), col('text', '类型', 'Type'), col('text', '说明', 'Note')],
  rows: `
E002|11-14|客户表扬|客户致电表扬响应迅速
E005|11-21|客户表扬|客户书面表扬耐心细致
E007|11-08|客户表扬|锦旗一面
E007|11-17|客户表扬|客户致电表扬
E007|11-26|客户表扬|客户书面表扬
E008|11-09|客户表扬|客户致电表扬
E008|11-23|客户表扬|客户书面表扬
E009|11-12|重大服务事故|误操作导致客户产线停机8小时
E010|10-22|客户表扬|上月表扬补录
E010|11-28|客户表扬|客户书面表扬
`,
};

export const TRAINING: SheetSpec = {
  source: 'training',
  name: { zh: '培训记录', en: 'Training' },
  columns: [
    col('id', '讲师工号', 'Trainer ID'),
    col('date', '培训日期', 'Training date'),
    col('text', '培训主题', 'Topic'),
    col('number', '课时', 'Hours'),
    col('number', '参训人数', 'Attendees'),
  ],
  rows: `
E001|11-04|新品安装调试规范|4|5
E001|11-18|客户沟通技巧|3|5
E001|11-25|安全作业规程|5|5
E007|11-08|故障诊断流程|4|5
E007|11-22|服务礼仪|3.5|5
`,
};

export const WEEKLY: SheetSpec = {
  source: 'weekly',
  name: { zh: '周报记录', en: 'Weekly reports' },
  columns: [col('id', '工号', 'Employee ID'), col('text', '周次', 'Week'), col('date', '提交日期', 'Submitted on'), col('text', '是否按时', 'On time')],
  rows: `
E001|第44周|10-30|是
E001|第45周|11-06|是
E001|第46周|11-13|是
E001|第47周|11-20|是
E001|第48周|11-27|是
E007|第44周|10-30|是
E007|第45周|11-06|是
E007|第46周|11-13|是
E007|第47周|11-23|否
E007|第48周|11-27|是
`,
};

export const TEAM_SURVEY: SheetSpec = {
  source: 'team_survey',
  name: { zh: '团队满意度', en: 'Team survey' },
  columns: [
    col('id', '被评人工号', 'Manager ID'),
    col('name', '被评人', 'Manager'),
    col('date', '调查日期', 'Survey date'),
    col('number', '参评人数', 'Respondents'),
    col('percent', '满意率', 'Satisfaction rate'),
  ],
  rows: `
E001|王建国|11-28|5|0.95
E007|李秀英|11-28|5|92%
`,
};
