export { seedDemo, removeDemo, DEMO_TEAM_NAME } from './seed.js'
