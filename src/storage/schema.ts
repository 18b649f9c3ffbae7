/**
 * Table types for the one typed query layer over SQLite and PostgreSQL.
 *
 * Conventions that keep both engines identical:
 * - ids are UUIDv7 text;
 * - instants are epoch milliseconds in `bigint` columns (UTC, no zone; `*_at` names);
 * - booleans are 0/1 integers (better-sqlite3 cannot bind JS booleans);
 * - JSON is text, parsed by the owning store (`*_json` names).
 */

export type Flag = 0 | 1

export interface UsersTable {
  id: string
  name: string
  email: string
  time_zone: string
  sleep_start: string
  sleep_end: string
  working_days: string
  working_start: string
  working_end: string
  is_admin: Flag
  is_demo: Flag
  ical_token_hash: string | null
  created_at: number
  updated_at: number
}

export interface ContactMethodsTable {
  id: string
  user_id: string
  type: string
  label: string
  address_sealed: string
  interrupting: Flag
  verified_at: number | null
  verification_code_hash: string | null
  verification_expires_at: number | null
  created_at: number
  signing_secret_sealed: string | null
}

export interface NotificationRulesTable {
  id: string
  user_id: string
  contact_method_id: string
  urgency: string
  delay_minutes: number
  created_at: number
}

export interface TeamsTable {
  id: string
  name: string
  description: string
  time_zone: string
  is_demo: Flag
  created_at: number
  updated_at: number
}

export interface TeamMembersTable {
  team_id: string
  user_id: string
  role: string
  created_at: number
}

export interface ServicesTable {
  id: string
  name: string
  team_id: string
  description: string
  is_demo: Flag
  created_at: number
  updated_at: number
  escalation_policy_id: string | null
  urgency_rule_json: string
  auto_resolve_minutes: number | null
}

export interface ServiceDependenciesTable {
  service_id: string
  depends_on_id: string
}

export interface IntegrationsTable {
  id: string
  service_id: string
  name: string
  type: string
  key_hash: string
  key_prefix: string
  created_at: number
  urgency_override: string | null
  rate_limit_per_minute: number
}

export interface ApiTokensTable {
  id: string
  user_id: string
  name: string
  token_hash: string
  token_prefix: string
  created_at: number
  last_used_at: number | null
  expires_at: number | null
  revoked_at: number | null
}

export interface AuditLogTable {
  id: string
  at: number
  actor_user_id: string | null
  actor_label: string
  action: string
  entity_type: string
  entity_id: string
  team_id: string | null
  before_json: string | null
  after_json: string | null
}

export interface SchedulesTable {
  id: string
  team_id: string
  name: string
  description: string
  time_zone: string
  is_demo: Flag
  ical_token_hash: string | null
  created_at: number
  updated_at: number
}

export interface ScheduleLayersTable {
  id: string
  schedule_id: string
  position: number
  name: string
  time_zone: string | null
  starts_at: number
  ends_at: number | null
  shift_length: number
  shift_unit: string
  handoff_time: string
  restrictions_json: string
}

export interface ScheduleLayerMembersTable {
  layer_id: string
  position: number
  user_id: string
}

export interface ScheduleOverridesTable {
  id: string
  schedule_id: string
  user_id: string
  replaces_user_id: string | null
  kind: string
  start_at: number
  end_at: number
  reason: string
  created_by: string | null
  created_at: number
}

export interface HandoffNoticesTable {
  id: string
  schedule_id: string
  handoff_at: number
  incoming_user_id: string | null
  outgoing_user_id: string | null
  recorded_at: number
}

export interface EngineModuleVersionsTable {
  name: string
  version: number
}

export interface EngineStateTable {
  name: string
  value_json: string
  updated_at: number
}

export interface EscalationPoliciesTable {
  id: string
  team_id: string
  name: string
  description: string
  repeat_count: number
  created_at: number
  updated_at: number
}

export interface EscalationStepsTable {
  id: string
  policy_id: string
  position: number
  delay_minutes: number
}

export interface EscalationStepTargetsTable {
  step_id: string
  position: number
  target_type: string
  target_id: string
}

export interface EventsTable {
  id: string
  integration_id: string | null
  service_id: string
  source_type: string
  action: string
  dedup_key: string
  received_at: number
  body_json: string
  alert_id: string | null
  outcome: string
}

export interface AlertsTable {
  id: string
  service_id: string
  dedup_key: string
  status: string
  urgency: string
  summary: string
  source: string
  severity: string
  component: string | null
  group_name: string | null
  class_name: string | null
  details_json: string
  links_json: string
  origin: string
  created_by: string | null
  created_at: number
  updated_at: number
  last_event_at: number
  event_count: number
  acknowledged_at: number | null
  acknowledged_by: string | null
  resolved_at: number | null
  resolved_by: string | null
  outcome: string | null
  outcome_note: string | null
  policy_id: string | null
  escalation_step: number
  escalation_loop: number
  next_escalation_at: number | null
  direct_targets_json: string | null
  mitigation_json: string | null
}

export interface AlertLogTable {
  id: string
  alert_id: string
  at: number
  kind: string
  actor_user_id: string | null
  actor_label: string
  message: string
  data_json: string | null
  /** On a `bundled` row: the idempotency key of the follow-up that lists this alert to this person. */
  bundle_key: string | null
}

export interface NotificationsTable {
  id: string
  alert_id: string | null
  service_id: string | null
  user_id: string
  contact_method_id: string | null
  channel: string
  kind: string
  urgency: string
  interrupting: Flag
  status: string
  not_before: number
  next_attempt_at: number
  attempts: number
  sending_until: number | null
  last_error: string | null
  provider_id: string | null
  idempotency_key: string
  subject: string
  body_text: string
  payload_json: string
  created_at: number
  sent_at: number | null
}

export interface NotificationAttemptsTable {
  id: string
  notification_id: string
  at: number
  outcome: string
  error: string | null
  duration_ms: number
}

export interface ServiceChangesTable {
  id: string
  service_id: string
  integration_id: string | null
  kind: string
  summary: string
  source: string
  at: number
  received_at: number
  details_json: string
  links_json: string
}

export interface DeployPoliciesTable {
  id: string
  team_id: string
  service_id: string | null
  policy_json: string
  created_at: number
  updated_at: number
}

export interface FreezesTable {
  id: string
  name: string
  start_at: number
  end_at: number
  scope_kind: string
  scope_ids_json: string
  reason: string
  approver_ids_json: string
  created_by: string | null
  created_at: number
}

export interface ChangeRequestsTable {
  id: string
  number: number
  title: string
  description: string
  type: string
  state: string
  author_id: string
  service_ids_json: string
  worst_case: string
  rollback_json: string
  verification_json: string
  risk: string | null
  risk_hint_json: string | null
  planned_at: number | null
  review_due_at: number | null
  started_at: number | null
  finished_at: number | null
  created_at: number
  updated_at: number
}

export interface ChangeRequestCounterTable {
  id: number
  last_number: number
}

export interface ChangeApprovalsTable {
  change_request_id: string
  user_id: string
  scope: string
  comment: string
  at: number
}

export interface ChangeCommentsTable {
  id: string
  change_request_id: string
  user_id: string
  body: string
  at: number
}

export interface DeployChecksTable {
  id: string
  service_id: string
  change_request_id: string | null
  kind: string
  at: number
  allowed: Flag
  reasons_json: string
  next_allowed_at: number | null
  actor_label: string
  created_at: number
}

export interface DeploymentsTable {
  id: string
  service_id: string
  kind: string
  version: string
  change_request_id: string | null
  actor_label: string
  actor_user_id: string | null
  status: string
  started_at: number
  finished_at: number | null
  gate_check_id: string | null
  override_reason: string | null
  rolls_back_id: string | null
  source: string
}

export interface TeamSettingsTable {
  team_id: string
  settings_json: string
  updated_at: number
}

export interface TeamChannelsTable {
  id: string
  team_id: string
  type: string
  label: string
  address_sealed: string
  signing_secret_sealed: string | null
  created_at: number
}

export interface SleepInNoticesTable {
  id: string
  user_id: string
  team_id: string
  night: string
  woken_at: number
  expected_start_at: number
  message: string
  created_at: number
}

export interface ReliefsTable {
  id: string
  team_id: string
  schedule_id: string
  tired_user_id: string
  replacement_user_id: string | null
  override_id: string | null
  start_at: number
  end_at: number
  status: string
  reason: string
  night: string
  outcome_note: string | null
  declined_by_json: string
  created_at: number
  updated_at: number
}

export interface TeamMessagesTable {
  id: string
  team_id: string
  channel_id: string
  kind: string
  idempotency_key: string
  subject: string
  body_text: string
  payload_json: string
  status: string
  attempts: number
  next_attempt_at: number
  sending_until: number | null
  last_error: string | null
  created_at: number
  sent_at: number | null
}

export interface HeartbeatsTable {
  id: string
  service_id: string
  name: string
  token_hash: string
  token_prefix: string
  spec_json: string
  state_json: string
  status: string
  alert_open: Flag
  next_check_at: number
  created_at: number
  updated_at: number
}

export interface HeartbeatPingsTable {
  id: string
  heartbeat_id: string
  kind: string
  at: number
  body: string | null
  remote: string | null
}

export interface MetricPointsTable {
  id: string
  name: string
  labels_json: string
  value: number
  at: number
}

export interface AlarmsTable {
  id: string
  service_id: string
  name: string
  kind: string
  spec_json: string
  state: string
  state_reason: string
  state_changed_at: number
  flapping: Flag
  history_json: string
  next_check_at: number
  evaluation_json: string | null
  created_at: number
  updated_at: number
}

export interface AlarmHistoryTable {
  id: string
  alarm_id: string
  at: number
  from_state: string
  to_state: string
  reason: string
}

export interface EventRulesTable {
  id: string
  service_id: string
  position: number
  rule_json: string
  enabled: Flag
  created_at: number
  updated_at: number
}

export interface HeldEventsTable {
  id: string
  service_id: string
  rule_id: string | null
  kind: string
  alert_id: string
  dedup_key: string
  event_json: string
  reason: string
  release_at: number
  status: string
  outcome_note: string | null
  settled_at: number | null
  created_at: number
  /** Set when the hold is a maintenance window's (released at the window's end). */
  maintenance_window_id: string | null
}

export interface MaintenanceWindowsTable {
  id: string
  service_id: string
  reason: string
  starts_at: number
  ends_at: number
  ended_by: string | null
  cancelled: Flag
  created_by: string | null
  created_at: number
}

export interface EventRuleFiresTable {
  id: string
  fire_key: string
  at: number
}

export interface EventDecisionsTable {
  id: string
  service_id: string
  rule_id: string | null
  outcome: string
  reason: string
  action: string
  dedup_key: string
  summary: string
  alert_id: string | null
  alert_service_id: string | null
  urgency: string | null
  held_event_id: string | null
  at: number
}

export interface MitigationRulesTable {
  id: string
  service_id: string
  name: string
  rule_json: string
  secrets_sealed: string | null
  paused: Flag
  dry_run: Flag
  created_by: string | null
  created_at: number
  updated_at: number
}

export interface MitigationRunsTable {
  id: string
  rule_id: string
  alert_id: string
  target_key: string
  status: string
  dry_run: Flag
  action_summary: string
  result_text: string | null
  exit_code: number | null
  next_check_at: number | null
  verify_until: number | null
  started_at: number | null
  finished_at: number | null
  created_at: number
}

export interface FollowUpsTable {
  id: string
  team_id: string
  service_id: string | null
  alert_id: string | null
  run_id: string | null
  kind: string
  title: string
  body: string
  due_at: number
  status: string
  closed_by: string | null
  closed_at: number | null
  close_note: string | null
  forward_url_sealed: string | null
  forward_status: string | null
  created_at: number
}

export interface AgentsTable {
  id: string
  team_id: string
  name: string
  token_hash: string
  token_prefix: string
  commands_json: string
  last_seen_at: number | null
  created_at: number
}

export interface AgentJobsTable {
  id: string
  agent_id: string
  run_id: string
  command: string
  status: string
  timeout_seconds: number
  deadline_at: number
  claimed_at: number | null
  exit_code: number | null
  output: string | null
  created_at: number
  finished_at: number | null
}

/** One row (id 1): a counter triggers move on at every write to a paging configuration table. */
export interface ConfigGenerationTable {
  id: number
  n: number
}

export interface Database {
  users: UsersTable
  contact_methods: ContactMethodsTable
  notification_rules: NotificationRulesTable
  teams: TeamsTable
  team_members: TeamMembersTable
  services: ServicesTable
  service_dependencies: ServiceDependenciesTable
  integrations: IntegrationsTable
  api_tokens: ApiTokensTable
  audit_log: AuditLogTable
  schedules: SchedulesTable
  schedule_layers: ScheduleLayersTable
  schedule_layer_members: ScheduleLayerMembersTable
  schedule_overrides: ScheduleOverridesTable
  handoff_notices: HandoffNoticesTable
  engine_module_versions: EngineModuleVersionsTable
  engine_state: EngineStateTable
  escalation_policies: EscalationPoliciesTable
  escalation_steps: EscalationStepsTable
  escalation_step_targets: EscalationStepTargetsTable
  events: EventsTable
  alerts: AlertsTable
  alert_log: AlertLogTable
  notifications: NotificationsTable
  notification_attempts: NotificationAttemptsTable
  service_changes: ServiceChangesTable
  deploy_policies: DeployPoliciesTable
  freezes: FreezesTable
  change_requests: ChangeRequestsTable
  change_request_counter: ChangeRequestCounterTable
  change_approvals: ChangeApprovalsTable
  change_comments: ChangeCommentsTable
  deploy_checks: DeployChecksTable
  deployments: DeploymentsTable
  team_settings: TeamSettingsTable
  team_channels: TeamChannelsTable
  sleep_in_notices: SleepInNoticesTable
  reliefs: ReliefsTable
  team_messages: TeamMessagesTable
  heartbeats: HeartbeatsTable
  heartbeat_pings: HeartbeatPingsTable
  metric_points: MetricPointsTable
  alarms: AlarmsTable
  alarm_history: AlarmHistoryTable
  event_rules: EventRulesTable
  held_events: HeldEventsTable
  maintenance_windows: MaintenanceWindowsTable
  event_rule_fires: EventRuleFiresTable
  event_decisions: EventDecisionsTable
  mitigation_rules: MitigationRulesTable
  mitigation_runs: MitigationRunsTable
  follow_ups: FollowUpsTable
  agents: AgentsTable
  agent_jobs: AgentJobsTable
  config_generation: ConfigGenerationTable
}
