/**
 * The zh-CN scheme `kpi init` writes: the article's after-sales customer-service scheme,
 * the same as fixtures/sample/kpi.yaml, with comments that point at the sheets of the
 * sample ledger.xlsx. Kept as YAML text (not built from objects) so the comments a person
 * reads in kpi.yaml are written here once, as they will appear.
 */
export const SCHEME_ZH = `# 客户服务部月度绩效考核方案（示例，由 kpi init 生成）
#
# 考核维度（按部门职能的重要性排序），按岗位设置权重：
#   客服工程师: 客户服务 50 · 市场调研 35 · 销售支持 15
#   客服经理  : 客户服务 40 · 市场调研 25 · 销售支持 15 · 服务管理 20
# 考核标准是经验值：高于历史中位数，参照战略与标杆企业设定，并随公司发展调整。
#
# 数据来源：ledger.xlsx 中与下面 sheet 同名的工作表（每本台账一张表，表头上方可以有标题行）；
# 也可以每本台账一个 CSV 文件（文件名 = 台账 id 或表名，如 services.csv）。
# 主管在月中抽查台账（过程控制），月底运行：kpi score ledger.xlsx

version: 1
title: 客户服务部月度绩效考核
# 适用期间：方案修订时（如用 kpi calibrate 按历史数据调整考核标准），把本文件复制一份作为新版本，
# 新文件写 effective: { from: 2027-01 }，本文件改为 effective: { from: 2026-11, to: 2026-12 }，
# 两个文件放在同一文件夹，用 kpi score -c schemes/ …，每个考核期间自动采用当期有效的版本。
effective: { from: 2026-11 }
locale: zh-CN
period: month

sources:
  # 人员名单：被考核人、岗位（填岗位名称“客服经理 / 客服工程师”）、班组
  roster:
    sheet: 人员名单
    columns: { employee: 工号, name: 姓名, role: 岗位, team: 班组 }

  # 服务台账：每次上门/电话服务一行；满意度为客户回访评分 1–5 分（未评价留空）
  services:
    sheet: 服务台账
    columns:
      employee: [工号, 员工编号]
      date: 服务日期
      kind: 服务类型              # 上门维修 / 预防性维护 / 安装调试 / 电话支持
      satisfaction: 满意度
      on_time: 是否及时            # 是否在规定时限内响应（是/否）
      fixed_first_time: 一次修复    # 仅上门维修填写（√/×）
    types: { satisfaction: number, on_time: boolean, fixed_first_time: boolean }

  # 投诉台账：经核实为公司/本人责任的投诉，是否有效 = 是
  complaints:
    sheet: 投诉台账
    columns: { employee: [工号, 责任人工号], date: 投诉日期, valid: 是否有效 }
    types: { valid: boolean }

  # 市场信息台账：竞品动态、价格信息、市场机会、客户需求、调研报告
  research:
    sheet: 市场信息台账
    columns:
      employee: 工号
      date: 反馈日期
      kind: 信息类型
      valid: 是否有效              # 主管审核是否为有效信息
      adopted: 是否采纳            # 客户需求被产品/市场部门采纳（√/×，未答复留空）
    types: { valid: boolean, adopted: boolean }

  # 销售支持台账：售前/售中技术支持（技术交流、方案编制、产品演示、投标支持）
  sales:
    sheet: 销售支持台账
    columns:
      employee: 工号
      date: 支持日期
      kind: 支持类型
      requested: 需求时间
      responded: 响应时间
    types: { requested: date, responded: date }
    derive:                      # 派生字段：由同一行的时间戳计算（工单系统导出的是时间，不是时长）
      response_hours: hours(requested, responded)   # 从销售提出需求到响应的小时数

  # 奖惩记录：客户表扬（加分）、重大服务事故 / 安全违规（一票否决）
  events:
    sheet: 奖惩记录
    columns: { employee: 工号, date: 记录日期, kind: 类型 }

  # 以下三本台账只用于客服经理的“服务管理”维度
  training:                      # 培训记录：经理为班组授课的课时
    sheet: 培训记录
    columns: { employee: [工号, 讲师工号], date: 培训日期, hours: 课时 }
    types: { hours: number }
  weekly:                        # 周报记录：每周一行
    sheet: 周报记录
    columns: { employee: 工号, date: 提交日期, on_time: 是否按时 }
    types: { on_time: boolean }
  team_survey:                   # 团队满意度调查：人力资源部每月一次，满意率如 92%
    sheet: 团队满意度
    columns: { employee: [工号, 被评人工号], date: 调查日期, rate: 满意率 }
    types: { rate: number }

metrics:
  # —— 客户服务 ——
  satisfaction:        { source: services, agg: avg, field: satisfaction }            # 平均满意度（空白不计）
  on_time_rate:        { source: services, agg: ratio, hit: { on_time: true } }       # 响应及时率 = 及时单数 / 服务单数
  first_fix_rate:                                                                    # 一次修复率 = 一次修复的维修单 / 维修单
    source: services
    agg: ratio
    where: { kind: 上门维修 }
    hit: { fixed_first_time: true }
  valid_complaints:    { source: complaints, agg: count, where: { valid: true } }     # 有效投诉次数
  # —— 市场调研 ——
  feedback_count:                                                                    # 有效市场信息条数（调研报告另计）
    source: research
    agg: count
    where: { valid: true, kind: { ne: 调研报告 } }
  demands_submitted:   { source: research, agg: count, where: { kind: 客户需求 }, label: 提交需求数 }
  demands_adopted:     { source: research, agg: count, where: { kind: 客户需求, adopted: true }, label: 采纳需求数 }
  adoption_rate:       { formula: demands_adopted / demands_submitted }               # 未提交需求时无数据（不计）
  research_reports:    { source: research, agg: count, where: { kind: 调研报告, valid: true } }
  # —— 销售支持 ——
  sales_support_count: { source: sales, agg: count }
  support_response_hours: { source: sales, agg: avg, field: response_hours }
  # —— 服务管理（经理） ——
  training_hours:      { source: training, agg: sum, field: hours }
  weekly_on_time_rate: { source: weekly, agg: ratio, hit: { on_time: true } }
  team_satisfaction:   { source: team_survey, agg: avg, field: rate }
  # —— 加减分与否决 ——
  commendations:       { source: events, agg: count, where: { kind: 客户表扬 } }
  # 一次性事件：月中用 kpi score --as-of 推算期末时不按进度放大（project: false）
  major_incidents:     { source: events, agg: count, where: { kind: 重大服务事故 }, project: false }
  safety_violations:   { source: events, agg: count, where: { kind: 安全违规 }, project: false }

dimensions:
  service:
    label: 客户服务
    indicators:
      # 满意度 3 分为零分线，4.8 分为目标值（直线法）
      - metric: satisfaction
        label: 客户满意度
        weight: 30
        standard: { method: linear, zero: 3, target: 4.8 }
      # 区间法
      - metric: on_time_rate
        label: 服务响应及时率
        weight: 25
        standard:
          method: bands
          bands:
            - { min: 98%, score: 100 }
            - { min: 95%, score: 85 }
            - { min: 90%, score: 70 }
            - { min: 80%, score: 50 }
      # 门槛值 75% / 目标值 85% / 挑战值 95%，对应 60 / 100 / 120 分
      - metric: first_fix_rate
        label: 一次修复率
        weight: 25
        standard:
          method: piecewise
          points: [ { at: 75%, score: 60 }, { at: 85%, score: 100 }, { at: 95%, score: 120 } ]
          cap: 120
      # 扣分法：每次有效投诉扣 25 分，扣完为止
      - metric: valid_complaints
        label: 有效投诉
        weight: 20
        standard: { method: deduct, per: 25 }

  research:
    label: 市场调研
    indicators:
      # 比例法：每月 6 条有效信息为目标
      - metric: feedback_count
        label: 市场信息反馈条数
        weight: 40
        standard: { method: ratio, target: 6, better: higher }
      # 采纳率 50% 即满分
      - metric: adoption_rate
        label: 需求采纳率
        weight: 30
        standard: { method: linear, zero: 0, target: 50% }
      # 非此即彼：每月至少提交 1 份调研报告
      - metric: research_reports
        label: 调研报告提交
        weight: 30
        standard: { method: threshold, when: { gte: 1 } }

  sales:
    label: 销售支持
    indicators:
      # 每月 4 次为目标，超额最高 120 分
      - metric: sales_support_count
        label: 销售支持次数
        weight: 60
        standard: { method: ratio, target: 4, better: higher, cap: 120 }
      # 越短越好：4 小时为目标，超过 24 小时不得分
      - metric: support_response_hours
        label: 支持平均响应时长
        weight: 40
        standard: { method: ratio, target: 4, better: lower, floor: 24 }

  management:
    label: 服务管理
    indicators:
      # ≥10 课时满分，≥6 课时 60 分，不足 6 课时 0 分
      - metric: training_hours
        label: 团队培训课时
        weight: 30
        standard:
          method: bands
          bands:
            - { min: 10, score: 100 }
            - { min: 6, score: 60 }
      # 按时率 50% 为零分线，100% 满分；没有周报记录按 0 分
      - metric: weekly_on_time_rate
        label: 周报按时提交率
        weight: 30
        missing: zero
        standard: { method: linear, zero: 50%, target: 100% }
      # 台账直接记录满意率（92% → 92 分）
      - metric: team_satisfaction
        label: 团队满意度
        weight: 40
        standard: { method: direct, scale: 100 }

roles:
  engineer: { label: 客服工程师, weights: { service: 50, research: 35, sales: 15 } }
  manager:  { label: 客服经理, weights: { service: 40, research: 25, sales: 15, management: 20 } }
default_role: engineer

# 加减分项（在加权基础分之外）：客户表扬每次 +2 分，最多 +5 分
adjustments:
  - { metric: commendations, label: 客户表扬, per: 2, max: 5 }

# 一票否决
veto:
  - { metric: major_incidents, label: 重大服务事故, when: { gte: 1 }, effect: zero }
  - { metric: valid_complaints, label: 有效投诉过多, when: { gte: 3 }, cap: 70 }
  - { metric: safety_violations, label: 安全违规, when: { gte: 1 }, grade: 不合格 }

# 等级（从高到低）；优秀不超过参评人数的 20%（强制分布）
grades:
  - { grade: 优秀, min: 90, max_share: 20% }
  - { grade: 良好, min: 80 }
  - { grade: 合格, min: 60 }
  - { grade: 不合格 }

missing: exclude          # 无数据的指标不计，权重由同维度其他指标分摊
max_total: 105            # 最终得分上限（基础分 + 加分）
distribution_scope: all   # 强制分布在全部门范围内计算
`;
