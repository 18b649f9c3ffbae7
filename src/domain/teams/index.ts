export { findTeam, getTeam, listTeams, listTeamMembers, createTeam, updateTeam, deleteTeam, setTeamMember, removeTeamMember } from './teams.js'
export type { Team, TeamMember, TeamInput } from './teams.js'
