/**
 * Rollback plans: a rollback returns the system to its last known-good state; a roll-forward
 * ("hotfix", "deploy a fix") only hopes to reach a new good state, under pressure, at 3am.
 * Tend rejects roll-forward and placeholder steps outright (errors) and grades the rest with a
 * positive heuristic (an undo verb and a named target) whose verdict is only a hint (warning).
 */
import { isPlaceholder, normalizePhrase, wordsOf } from './phrases.js'

/** What good steps look like; appended to every rejection so people know what to write. */
export const ROLLBACK_STEP_EXAMPLES: readonly string[] = [
  'redeploy the previous version (v1.42.0)',
  'run down migration 20261120-add-index',
  'turn off flag checkout_v2',
]

/** The guidance sentence used in messages. */
export const ROLLBACK_GUIDE = `write steps that undo the change, e.g. ${ROLLBACK_STEP_EXAMPLES.map((s) => `"${s}"`).join(', ')}`

const ROLL_FORWARD: readonly RegExp[] = [
  /\broll(?:ing|ed)?[\s-]?forward\b/,
  /\bfix(?:ing|ed)?[\s-]?forward\b/,
  /\bforward[\s-]?fix/,
  /\bhot[\s-]?fix/,
  /\bfix (?:the |a |this |that |any |all )?(?:bugs?|issues?|problems?|errors?|it)\b/,
  /\bpatch (?:it|the (?:bug|issue|problem))\b/,
  /\b(?:re-?deploy|deploy|push|ship|release|roll out|apply|write) (?:a |the |another )?(?:quick |new )?(?:fix|patch|hotfix)\b/,
  /\bforward only\b/,
]

/**
 * Undo actions that make a step a rollback even when it mentions a hotfix ("revert hotfix 1.2").
 * A bare "deploy v1.43" is not here: deploying a version number can be a roll-forward.
 */
const STRONG_UNDO: readonly { readonly action: string; readonly pattern: RegExp }[] = [
  { action: 'revert', pattern: /\brevert(?:s|ed|ing)?\b/ },
  { action: 'roll back', pattern: /\broll(?:s|ed|ing)?[\s-]?back\b|\brollback\b/ },
  { action: 'restore', pattern: /\brestor(?:e|es|ed|ing)\b/ },
  { action: 'downgrade', pattern: /\bdowngrad(?:e|es|ed|ing)\b/ },
  { action: 'disable', pattern: /\bdisabl(?:e|es|ed|ing)\b/ },
  { action: 'turn off', pattern: /\b(?:turn|switch|toggle|flip)(?:s|ed|ing)? (?:\S+ ){0,3}?off\b|\bset \S+ (?:to )?(?:false|off|0)\b/ },
  { action: 'switch back', pattern: /\b(?:switch|flip|move|point|route|fail)(?:s|ed|ing)? (?:\S+ ){0,3}?back\b/ },
  { action: 'undo', pattern: /\bundo\b/ },
  { action: 'run down migration', pattern: /\bdown[\s-]?migration|\bmigrat\w* down\b|\bmigrate:rollback\b|\bmigration down\b/ },
  { action: 'fail over', pattern: /\bfail(?:ing|ed)?[\s-]?over\b/ },
  { action: 'redeploy the previous version', pattern: /\b(?:re-?deploy|deploy|release|install|pin|apply|roll out)\b.*\b(?:previous|prior|last good|last known|last stable|old|older|known[\s-]good|stable)\b/ },
]

/** Further undo actions that count for quality but do not outweigh a roll-forward phrase. */
const OTHER_UNDO: readonly { readonly action: string; readonly pattern: RegExp }[] = [
  { action: 'redeploy', pattern: /\bre-?deploy(?:s|ed|ing)?\b|\b(?:deploy|pin|install)\b.*\bv?\d+\.\d+/ },
  { action: 'scale', pattern: /\bscale(?:s|d)?\b/ },
  { action: 'remove', pattern: /\b(?:remove|delete|drop|uninstall|deactivate|detach|unpublish|purge)\b/ },
  { action: 'switch', pattern: /\b(?:switch|repoint|reroute|drain|shift)\b/ },
  { action: 'reset', pattern: /\breset\b/ },
  { action: 'git revert', pattern: /\bgit (?:revert|reset|checkout)\b/ },
  { action: 'rollout undo', pattern: /\brollout undo\b/ },
]

// Words that carry no target: what remains after removing these (and the action's own words) is what the step acts on.
const FILLER = new Set(['the', 'a', 'an', 'to', 'it', 'this', 'that', 'them', 'change', 'changes', 'everything', 'all', 'back', 'if', 'needed', 'necessary', 'and', 'or', 'then', 'stuff', 'things', 'as', 'usual', 'again', 'please', 'of', 'on', 'in'])
const ACTION_WORDS = new Set([
  'revert', 'reverts', 'reverted', 'reverting', 'roll', 'rolls', 'rolled', 'rolling', 'rollback', 'restore', 'restores', 'restored', 'restoring',
  'downgrade', 'downgrades', 'downgraded', 'disable', 'disables', 'disabled', 'turn', 'turns', 'turned', 'switch', 'switches', 'switched', 'toggle', 'flip',
  'off', 'set', 'false', '0', 'undo', 'run', 'down', 'migration', 'migrate', 'fail', 'failover', 'over', 'redeploy', 're-deploy', 'deploy',
  'install', 'pin', 'apply', 'scale', 'scales', 'scaled', 'remove', 'delete', 'drop', 'uninstall', 'deactivate', 'detach', 'unpublish', 'purge',
  'repoint', 'reroute', 'drain', 'shift', 'point', 'route', 'move', 'reset',
])

/** Minimum words a step needs to be followed by someone else at 3am. */
const MIN_STEP_WORDS = 2

/** Why a step was rejected outright, or null when it is a rollback step (good or vague). */
export function rejectStep(step: string): { kind: 'placeholder' | 'too-short' | 'roll-forward'; message: string } | null {
  if (isPlaceholder(step)) return { kind: 'placeholder', message: `"${step.trim()}" is a placeholder, not a step: ${ROLLBACK_GUIDE}` }
  const phrase = normalizePhrase(step)
  const forward = ROLL_FORWARD.map((p) => p.exec(phrase)?.[0]).find((m) => m !== undefined)
  if (forward !== undefined && !STRONG_UNDO.some((u) => u.pattern.test(phrase))) {
    return {
      kind: 'roll-forward',
      message: `"${forward}" fixes forward instead of rolling back: a rollback returns to the last known-good state without new code; ${ROLLBACK_GUIDE}`,
    }
  }
  if (wordsOf(step).length < MIN_STEP_WORDS) return { kind: 'too-short', message: `"${step.trim()}" is too short to follow: say what to undo and how; ${ROLLBACK_GUIDE}` }
  return null
}

/** The first undo action the step names, strong ones first. */
function undoActionOf(phrase: string): string | null {
  return [...STRONG_UNDO, ...OTHER_UNDO].find((u) => u.pattern.test(phrase))?.action ?? null
}

/**
 * Grades one rollback step: concrete when it names an undo action (redeploy, revert, restore,
 * roll back, disable, turn off, switch, scale, run down migration…) and what it acts on.
 * @example rollbackStepQuality('turn off flag checkout_v2') // { concrete: true, why: 'turn off: flag checkout_v2' … }
 */
export function rollbackStepQuality(step: string): { concrete: boolean; why: string } {
  const rejected = rejectStep(step)
  if (rejected !== null) return { concrete: false, why: rejected.message }
  const phrase = normalizePhrase(step)
  const action = undoActionOf(phrase)
  if (action === null) {
    return { concrete: false, why: 'names no undo action: start with a verb such as redeploy, revert, restore, roll back, disable, turn off, switch, scale or run down migration' }
  }
  const target = wordsOf(phrase).filter((w) => !FILLER.has(w) && !ACTION_WORDS.has(w) && w.length >= 2)
  if (target.length === 0) return { concrete: false, why: `says to ${action} but not what: name the version, commit, flag, migration or service` }
  return { concrete: true, why: `names an undo action (${action}) and its target (${target.join(' ')})` }
}

/** Whether a plan has steps and none is a placeholder or roll-forward: the deploy gate's `hasRollbackPlan`. */
export function hasUsableRollbackPlan(plan: { readonly steps: readonly string[] }): boolean {
  return plan.steps.length > 0 && plan.steps.every((s) => rejectStep(s) === null)
}
