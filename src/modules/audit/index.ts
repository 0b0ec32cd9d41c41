export { ACTOR_KINDS, SUBJECT_TYPES, actorParts, subjectTypeOf, type ActorKind, type SubjectType } from './audit.ts';
export { AuditQuery } from './audit.schema.ts';
export { createAuditService, type AuditDirectory, type AuditEntry, type AuditService } from './audit.service.ts';
