export { hasTeamRole, requireTeamRole, requireAdmin, actorOf, TEAM_ROLES } from './principal.js'
export type { Principal, TeamRole } from './principal.js'
export { createApiToken, listApiTokens, revokeApiToken, authenticateToken, loadPrincipal, unauthenticated, TOKEN_PREFIX } from './tokens.js'
export type { ApiTokenInfo } from './tokens.js'
