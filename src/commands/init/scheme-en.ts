/**
 * The English scheme `kpi init --locale en` writes: the same ids, weights and standards as
 * the zh-CN scheme, with English labels, sheet names and headers, and English values
 * wherever a condition compares text (service kinds, information types, event types), so
 * that it scores the English ledger.xlsx exactly as the Chinese one.
 */
export const SCHEME_EN = `# Monthly performance scheme of the customer-service department (sample from kpi init)
#
# Dimensions, in order of the department's functions, weighted per role:
#   Service Engineer: customer service 50 · market research 35 · sales support 15
#   Service Manager : customer service 40 · market research 25 · sales support 15 · service management 20
# Standards are experience values: above the historical median, in line with strategy and
# benchmark companies, and adjusted as the company changes.
#
# Data: the sheets of ledger.xlsx named as each source's sheet below (title rows above the
# header are fine), or one CSV per ledger named after the source id or sheet.
# Supervisors check the ledgers during the month; at month end run: kpi score ledger.xlsx

version: 1
title: Customer Service Department — Monthly Performance
# In force: when the standards are revised (e.g. with kpi calibrate), copy this file as the new
# version with effective: { from: 2027-01 }, and close this one: effective: { from: 2026-11, to: 2026-12 }.
# Keep both in one folder and run kpi score -c schemes/ …: each period uses the version in force.
effective: { from: 2026-11 }
locale: en
period: month

sources:
  # Who is assessed; Role holds the role label (Service Manager / Service Engineer)
  roster:
    sheet: People
    columns: { employee: Employee ID, name: Name, role: Role, team: Team }

  # One row per visit or call; Satisfaction is the customer's 1–5 rating (blank if none)
  services:
    sheet: Services
    columns:
      employee: [Employee ID, Staff ID]     # a list = accepted aliases
      date: Service date
      kind: Service type          # On-site repair / Preventive maintenance / Installation / Phone support
      satisfaction: Satisfaction
      on_time: On time            # responded within the agreed time (Yes/No)
      fixed_first_time: Fixed first time   # on-site repairs only (√/×)
    types: { satisfaction: number, on_time: boolean, fixed_first_time: boolean }

  # Complaints; Valid = Yes when the company or the person was found responsible
  complaints:
    sheet: Complaints
    columns: { employee: [Employee ID, Responsible ID], date: Complaint date, valid: Valid }
    types: { valid: boolean }

  # Market information: competitor news, prices, opportunities, customer demands, reports
  research:
    sheet: Market info
    columns:
      employee: Employee ID
      date: Date reported
      kind: Info type
      valid: Valid                # checked by the supervisor
      adopted: Adopted            # demand adopted by product/marketing (√/×, blank if no answer yet)
    types: { valid: boolean, adopted: boolean }

  # Pre-sales and sales technical support
  sales:
    sheet: Sales support
    columns:
      employee: Employee ID
      date: Support date
      kind: Support type
      requested: Requested at
      responded: Responded at
    types: { requested: date, responded: date }
    derive:                      # computed from the row's timestamps (systems export times, not durations)
      response_hours: hours(requested, responded)   # hours from the sales request to the response

  # Commendations (bonus points); major incidents and safety violations (veto)
  events:
    sheet: Rewards and penalties
    columns: { employee: Employee ID, date: Date, kind: Type }

  # The next three ledgers feed the managers' service-management dimension only
  training:                       # hours the manager taught the team
    sheet: Training
    columns: { employee: [Employee ID, Trainer ID], date: Training date, hours: Hours }
    types: { hours: number }
  weekly:                         # one row per weekly report
    sheet: Weekly reports
    columns: { employee: Employee ID, date: Submitted on, on_time: On time }
    types: { on_time: boolean }
  team_survey:                    # monthly team survey by HR, e.g. 92%
    sheet: Team survey
    columns: { employee: [Employee ID, Manager ID], date: Survey date, rate: Satisfaction rate }
    types: { rate: number }

metrics:
  # — customer service —
  satisfaction:        { source: services, agg: avg, field: satisfaction }            # blanks are ignored
  on_time_rate:        { source: services, agg: ratio, hit: { on_time: true } }
  first_fix_rate:                                                                    # fixed first time / on-site repairs
    source: services
    agg: ratio
    where: { kind: On-site repair }
    hit: { fixed_first_time: true }
  valid_complaints:    { source: complaints, agg: count, where: { valid: true } }
  # — market research —
  feedback_count:                                                                    # valid items, reports counted apart
    source: research
    agg: count
    where: { valid: true, kind: { ne: Research report } }
  demands_submitted:   { source: research, agg: count, where: { kind: Customer demand }, label: demands submitted }
  demands_adopted:     { source: research, agg: count, where: { kind: Customer demand, adopted: true }, label: demands adopted }
  adoption_rate:       { formula: demands_adopted / demands_submitted }               # no demands: no data (excluded)
  research_reports:    { source: research, agg: count, where: { kind: Research report, valid: true } }
  # — sales support —
  sales_support_count: { source: sales, agg: count }
  support_response_hours: { source: sales, agg: avg, field: response_hours }
  # — service management (managers) —
  training_hours:      { source: training, agg: sum, field: hours }
  weekly_on_time_rate: { source: weekly, agg: ratio, hit: { on_time: true } }
  team_satisfaction:   { source: team_survey, agg: avg, field: rate }
  # — bonus points and veto —
  commendations:       { source: events, agg: count, where: { kind: Commendation } }
  # one-off events: kpi score --as-of (the month in progress) never scales them up (project: false)
  major_incidents:     { source: events, agg: count, where: { kind: Major service incident }, project: false }
  safety_violations:   { source: events, agg: count, where: { kind: Safety violation }, project: false }

dimensions:
  service:
    label: Customer service
    indicators:
      # linear: 3 points scores 0, the target 4.8 scores 100
      - metric: satisfaction
        label: Customer satisfaction
        weight: 30
        standard: { method: linear, zero: 3, target: 4.8 }
      - metric: on_time_rate
        label: On-time response rate
        weight: 25
        standard:
          method: bands
          bands:
            - { min: 98%, score: 100 }
            - { min: 95%, score: 85 }
            - { min: 90%, score: 70 }
            - { min: 80%, score: 50 }
      # threshold 75% / target 85% / stretch 95% score 60 / 100 / 120
      - metric: first_fix_rate
        label: First-time fix rate
        weight: 25
        standard:
          method: piecewise
          points: [ { at: 75%, score: 60 }, { at: 85%, score: 100 }, { at: 95%, score: 120 } ]
          cap: 120
      # 25 points off per valid complaint, down to 0
      - metric: valid_complaints
        label: Valid complaints
        weight: 20
        standard: { method: deduct, per: 25 }

  research:
    label: Market research
    indicators:
      # 6 valid items a month is the target
      - metric: feedback_count
        label: Market feedback items
        weight: 40
        standard: { method: ratio, target: 6, better: higher }
      # an adoption rate of 50% scores full marks
      - metric: adoption_rate
        label: Demand adoption rate
        weight: 30
        standard: { method: linear, zero: 0, target: 50% }
      # all or nothing: at least one research report a month
      - metric: research_reports
        label: Research report submitted
        weight: 30
        standard: { method: threshold, when: { gte: 1 } }

  sales:
    label: Sales support
    indicators:
      # 4 a month is the target; more scores up to 120
      - metric: sales_support_count
        label: Sales support count
        weight: 60
        standard: { method: ratio, target: 4, better: higher, cap: 120 }
      # shorter is better: 4 hours is the target, over 24 hours scores 0
      - metric: support_response_hours
        label: Average support response time
        weight: 40
        standard: { method: ratio, target: 4, better: lower, floor: 24 }

  management:
    label: Service management
    indicators:
      # ≥10 hours scores 100, ≥6 hours 60, less 0
      - metric: training_hours
        label: Team training hours
        weight: 30
        standard:
          method: bands
          bands:
            - { min: 10, score: 100 }
            - { min: 6, score: 60 }
      # 50% on time scores 0, 100% scores 100; no weekly reports at all scores 0
      - metric: weekly_on_time_rate
        label: Weekly reports on time
        weight: 30
        missing: zero
        standard: { method: linear, zero: 50%, target: 100% }
      # the survey records the rate itself (92% scores 92)
      - metric: team_satisfaction
        label: Team satisfaction
        weight: 40
        standard: { method: direct, scale: 100 }

roles:
  engineer: { label: Service Engineer, weights: { service: 50, research: 35, sales: 15 } }
  manager:  { label: Service Manager, weights: { service: 40, research: 25, sales: 15, management: 20 } }
default_role: engineer

# Bonus points outside the weighted base: +2 per customer commendation, at most +5
adjustments:
  - { metric: commendations, label: Customer commendations, per: 2, max: 5 }

# Veto (one strike)
veto:
  - { metric: major_incidents, label: Major service incident, when: { gte: 1 }, effect: zero }
  - { metric: valid_complaints, label: Too many valid complaints, when: { gte: 3 }, cap: 70 }
  - { metric: safety_violations, label: Safety violation, when: { gte: 1 }, grade: Fail }

# Grades, highest first; at most 20% of the people scored may be Excellent (forced distribution)
grades:
  - { grade: Excellent, min: 90, max_share: 20% }
  - { grade: Good, min: 80 }
  - { grade: Pass, min: 60 }
  - { grade: Fail }

missing: exclude          # an indicator with no data is left out; the others share its weight
max_total: 105            # upper bound of the final score (base + bonus points)
distribution_scope: all   # forced distribution over the whole department
`;
