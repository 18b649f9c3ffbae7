export type { EscalationPolicy, EscalationStep, StepTarget, EscalationPosition, StepFiring } from './model.js'
export { planStep } from './model.js'
export type { PolicyInput } from './policies.js'
export { findPolicy, getPolicy, listPolicies, createPolicy, updatePolicy, deletePolicy } from './policies.js'
