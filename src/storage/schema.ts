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
}
