/**
 * The English words of the sample ledger's text cells. The Chinese ledger is the original;
 * the English one is the same rows with these words, so both score alike. Where the
 * English scheme compares text (service kinds, information types, event types) or
 * matches the roster (roles), the words here must equal the scheme's exactly.
 */
const WORDS: Record<string, string> = {
  // Yes/no marks: 是/否 become words, √/× are understood in any language.
  是: 'Yes',
  否: 'No',
  // The roster: role cells match the roles' labels in scheme-en.ts.
  客服经理: 'Service Manager',
  客服工程师: 'Service Engineer',
  一组: 'Team 1',
  二组: 'Team 2',
  // Kinds the scheme's conditions compare.
  上门维修: 'On-site repair',
  预防性维护: 'Preventive maintenance',
  安装调试: 'Installation',
  电话支持: 'Phone support',
  竞品动态: 'Competitor news',
  价格信息: 'Price info',
  市场机会: 'Market opportunity',
  客户需求: 'Customer demand',
  调研报告: 'Research report',
  客户表扬: 'Commendation',
  重大服务事故: 'Major service incident',
  安全违规: 'Safety violation',
  技术交流: 'Technical exchange',
  方案编制: 'Proposal',
  产品演示: 'Product demo',
  投标支持: 'Bid support',
  // Customers.
  上海申通物流: 'Shanghai Shentong Logistics',
  华东机电有限公司: 'East China Electromechanical Co.',
  '华东机电有限公司, 二分厂': 'East China Electromechanical Co., Plant 2',
  南通远洋船舶: 'Nantong Ocean Shipping',
  合肥天鹅电器: 'Hefei Swan Appliances',
  嘉兴明光照明: 'Jiaxing Mingguang Lighting',
  宁波港务集团: 'Ningbo Port Group',
  常州华锐电子: 'Changzhou Huarui Electronics',
  扬州东方化工: 'Yangzhou Dongfang Chemicals',
  无锡新材料科技: 'Wuxi New Materials',
  杭州恒达纺织: 'Hangzhou Hengda Textiles',
  绍兴天成印染: 'Shaoxing Tiancheng Dyeing',
  苏州精工设备厂: 'Suzhou Precision Equipment',
  // Remarks, summaries, complaints, notes and training topics.
  上月补录: 'entered late for last month',
  上月表扬补录: 'commendation from last month, entered late',
  客户未评价: 'customer gave no rating',
  '客户改约，超时响应': 'customer rescheduled; late response',
  '配件不符，二次上门': 'wrong part, second visit',
  工号前后有空格: 'spaces around the employee ID',
  '11月区域市场调研报告': 'November regional market research report',
  客户反映配件价格偏高: 'customer finds spare parts too expensive',
  客户希望增加远程诊断功能: 'customer wants remote diagnostics',
  '客户计划扩建产线，有新增设备需求': 'customer plans a new production line and will need equipment',
  '竞品推出新型号，报价下调': 'competitor launched a new model at a lower price',
  上门迟到: 'late for the visit',
  未按约定时间回电: 'did not call back as agreed',
  维修后设备仍有异响: 'machine still noisy after the repair',
  误操作导致停机: 'operating error stopped the machine',
  配件不符需二次上门: 'wrong part, needed a second visit',
  服务态度生硬: 'curt manner',
  收费解释不清: 'charges not explained',
  配件更换不及时: 'part replaced late',
  客户书面表扬: 'written commendation',
  客户书面表扬耐心细致: 'written commendation: patient and thorough',
  客户致电表扬: 'customer called to commend',
  客户致电表扬响应迅速: 'customer called to commend the quick response',
  锦旗一面: 'a silk banner from the customer',
  误操作导致客户产线停机8小时: "operating error stopped the customer's line for 8 hours",
  新品安装调试规范: 'installing and commissioning the new products',
  客户沟通技巧: 'talking with customers',
  安全作业规程: 'safe working procedures',
  故障诊断流程: 'fault diagnosis',
  服务礼仪: 'service etiquette',
};

const CJK = /[\u3000-\u9fff\uff01-\uff5e]/;

/**
 * The English of a sample text cell. Text without Chinese (ids, `√`) stays as it is; Chinese
 * text without a translation is a mistake in this file, so it throws rather than leave a
 * Chinese word in the English ledger.
 */
export function toEnglish(text: string): string {
  const week = /^第(\d+)周$/.exec(text);
  if (week) return `Week ${week[1]}`;
  const english = WORDS[text];
  if (english !== undefined) return english;
  if (CJK.test(text)) throw new Error(`no English for the sample cell "${text}"`);
  return text;
}
