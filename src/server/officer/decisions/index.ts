// Officers' decisions on a declaration, one use case a file. Each one: the actor must be the
// assigned inspector (or a supervisor of the post), the declaration must not have changed since the
// page was loaded (optimistic concurrency: `expectedVersion`, lock.ts), and the audit entry is
// written in the transaction. The input is parsed by the form's schema from lib/officer/decisions.
export { lockForDecision } from './lock';
export { requestAmendment } from './request-amendment';
export { requestDocuments, cancelDocumentRequest } from './request-documents';
export { recordDocumentCheck, recordExamination } from './inspections';
export { adjustItem } from './adjust-item';
export { decideAdjustment } from './decide-adjustment';
export { loadFourEyesLimit } from './four-eyes-limit';
export { releaseByOfficer } from './release';
export { refuseDeclaration, holdDeclaration, resumeDeclaration } from './status-moves';
