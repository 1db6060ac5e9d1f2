// Arguments of every server action for the security suite, aimed at the victim's objects (see
// security-routes.ts). Every form is complete — it passes the action's schema — so that a caller
// who may not act is stopped by authorization itself: a VALIDATION answer would prove nothing.
// `mine`: the action works on the caller's own company / account (no victim object), so every
// trader (or officer) is an owner of it. Shared by the authorization matrix and the bad-input sweep.
import { Form, type Targets } from './security-routes';
import { exportDeclarationBody, daysAgo } from '../e2e/helpers';

const f = (fields: ConstructorParameters<typeof Form>[0]) => new Form(fields);
const reason = 'Matrix attack: this must not be recorded';
const pdf = () => ({
  name: 'evidence.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
});

export const CAST_POST = '26003';

/** Complete forms of the declaration journey, the payments, the permits and the officers' decisions. */
export const FORMS = {
  parties: {
    regime: 'EK10',
    postCode: CAST_POST,
    consignorName: 'Samarkand Fruit Export LLC',
    consignorCountry: 'UZ',
    consignorAddress: 'Samarkand, Registan 1',
    consigneeName: 'Almaty Trade LLP',
    consigneeCountry: 'KZ',
    consigneeAddress: 'Almaty, Abay 10',
  },
  transport: {
    dispatchCountry: 'UZ',
    destinationCountry: 'KZ',
    transportMode: 'ROAD',
    transportDocument: 'CMR 100200',
    incoterm: 'DAP',
    invoiceCurrency: 'USD',
    invoiceTotal: '1500.00',
    freight: '',
    insurance: '',
  },
  item: {
    hsCode: '5201000000',
    description: 'Raw cotton',
    originCountry: 'UZ',
    grossMass: '1010',
    netMass: '1000',
    quantity: '1000',
    supplementaryUnit: 'KG',
    invoiceValue: '1500.00',
  },
  document: { type: 'INVOICE', number: 'INV-MATRIX-1', date: daysAgo(3) },
  product: { hsCode: '0808108000', description: 'Fresh apples', quantity: '1000', unit: 'KG', country: 'UZ' },
  audit: {
    findings: 'Nothing found on audit',
    isHit: 'no',
    isCritical: 'no',
    discrepancyType: '',
    additionalRevenue: '0',
  },
  profile: {
    name: 'Matrix attack profile',
    hsPrefixes: '0808',
    weight: '10',
    forcedChannel: '',
    validFrom: daysAgo(1),
    validTo: '',
    instructions: '',
  },
  shares: { regime: 'default', yellowPercent: '10', redPercent: '5', randomSharePercent: '1' },
  permitType: {
    name: 'Matrix attack permit',
    authorityCode: 'VET',
    directions: 'IMPORT',
    hsPrefixes: '0808',
    validityDays: '30',
    scope: 'SHIPMENT',
    requiredDocuments: '',
    fee: '0',
    isActive: 'on',
  },
};

/** Arguments per action ("file#export"), aimed at company B's, post 26003's and VET's objects. */
export const ACTION_ARGS: Record<string, { args: (t: Targets) => unknown[]; mine?: boolean }> = {
  'app/trader/declarations/actions.ts#saveDraftAction': { args: () => [exportDeclarationBody(CAST_POST)], mine: true },
  'app/trader/declarations/actions.ts#startDeclarationAction': { args: () => [f(FORMS.parties)], mine: true },
  'app/trader/declarations/actions.ts#savePartiesAction': { args: (t) => [t.declaration, f(FORMS.parties)] },
  'app/trader/declarations/actions.ts#saveTransportAction': { args: (t) => [t.declaration, f(FORMS.transport)] },
  'app/trader/declarations/actions.ts#addItemAction': { args: (t) => [t.declaration, f(FORMS.item)] },
  'app/trader/declarations/actions.ts#updateItemAction': { args: (t) => [t.declaration, t.itemId, 1, f(FORMS.item)] },
  'app/trader/declarations/actions.ts#removeItemAction': { args: (t) => [t.declaration, t.itemId, 1] },
  'app/trader/declarations/actions.ts#duplicateItemAction': { args: (t) => [t.declaration, t.itemId, 1] },
  'app/trader/declarations/actions.ts#importItemsAction': {
    args: (t) => [
      t.declaration,
      f({
        file: {
          name: 'items.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(
            'hsCode,description,originCountry,grossMass,netMass,quantity,supplementaryUnit,invoiceValue\n5201000000,Raw cotton,UZ,1010,1000,1000,KG,1500.00\n',
          ),
        },
      }),
    ],
  },
  'app/trader/declarations/actions.ts#addDocumentAction': { args: (t) => [t.declaration, f(FORMS.document)] },
  'app/trader/declarations/actions.ts#removeDocumentAction': { args: (t) => [t.declaration, t.documentId] },
  'app/trader/declarations/actions.ts#submitDeclarationAction': { args: (t) => [t.declaration] },
  'app/trader/declarations/actions.ts#withdrawDeclarationAction': { args: (t) => [t.declaration, f({ reason })] },
  'app/trader/declarations/actions.ts#copyDeclarationAction': { args: (t) => [t.declaration] },
  'app/trader/declarations/draft-actions.ts#autosaveStepAction': {
    args: (t) => [t.declaration, 'parties', f(FORMS.parties)],
  },
  'app/trader/declarations/draft-actions.ts#deleteDraftAction': { args: (t) => [t.declaration] },
  'app/trader/declarations/document-request-actions.ts#uploadRequestedDocumentAction': {
    args: (t) => [t.declaration, t.missing, f({ ...FORMS.document, file: pdf() })],
  },
  'app/trader/declarations/[id]/permits/actions.ts#linkPermitAction': {
    args: (t) => [t.declaration, t.lineNo, f({ permitId: t.permit })],
  },
  'app/trader/declarations/[id]/permits/actions.ts#unlinkPermitAction': { args: (t) => [t.declaration, t.missing] },
  'app/trader/account/actions.ts#startTopUpAction': { args: () => [f({ amount: '150000' })], mine: true },
  'app/trader/account/actions.ts#payDeclarationAction': {
    args: (t) => [t.declaration, f({ idempotencyKey: 'matrix-attack-0000000001', amount: '1.00' })],
  },
  'app/trader/account/actions.ts#creditOverpaymentAction': { args: (t) => [t.declaration, f({ amount: '1.00' })] },
  'app/trader/account/actions.ts#requestRefundAction': { args: () => [f({ amount: '1000.00', reason })], mine: true },
  'app/trader/permits/actions.ts#startApplicationAction': {
    args: (t) => [f({ permitTypeCode: t.permitTypeCode, purpose: reason, direction: 'IMPORT' })],
    mine: true,
  },
  'app/trader/permits/actions.ts#startApplicationForLineAction': {
    args: (t) => [
      t.declaration,
      t.lineNo,
      f({ permitTypeCode: t.permitTypeCode, purpose: reason, direction: 'IMPORT', ...FORMS.product }),
    ],
  },
  'app/trader/permits/actions.ts#addProductAction': { args: (t) => [t.application, f(FORMS.product)] },
  'app/trader/permits/actions.ts#removeProductAction': { args: (t) => [t.application, t.productId] },
  'app/trader/permits/actions.ts#addDocumentAction': {
    args: (t) => [t.application, f({ documentType: 'Other document', file: pdf() })],
  },
  'app/trader/permits/actions.ts#removeDocumentAction': { args: (t) => [t.application, t.applicationDocumentId] },
  'app/trader/permits/actions.ts#submitApplicationAction': { args: (t) => [t.application] },
  'app/trader/permits/actions.ts#answerAction': { args: (t) => [t.application, f({ message: reason })] },
  'app/trader/permits/actions.ts#withdrawAction': { args: (t) => [t.application, f({ reason })] },
  'app/officer/declarations/actions.ts#requestAmendmentAction': {
    args: (t) => [t.declaration, 1, f({ message: reason })],
  },
  'app/officer/declarations/document-request-actions.ts#requestDocumentsAction': {
    args: (t) => [t.declaration, 1, f({ documentTypes: 'INVOICE', reason, dueDate: daysAgo(-3) })],
  },
  'app/officer/declarations/document-request-actions.ts#cancelDocumentRequestAction': {
    args: (t) => [t.declaration, t.missing, 1],
  },
  'app/officer/declarations/actions.ts#documentCheckAction': {
    args: (t) => [t.declaration, 1, f({ findings: reason, isHit: 'no', discrepancyType: '' })],
  },
  'app/officer/declarations/actions.ts#examinationAction': {
    args: (t) => [t.declaration, 1, f({ findings: reason, isHit: 'no', isCritical: 'no', discrepancyType: '' })],
  },
  'app/officer/declarations/actions.ts#adjustmentAction': {
    args: (t) => [t.declaration, 1, f({ lineNo: String(t.lineNo), newInvoiceValue: '5500.00', newHsCode: '', reason })],
  },
  'app/officer/declarations/actions.ts#releaseAction': { args: (t) => [t.declaration, 1] },
  'app/officer/declarations/actions.ts#refuseAction': { args: (t) => [t.declaration, 1, f({ reason })] },
  'app/officer/declarations/actions.ts#holdAction': { args: (t) => [t.declaration, 1, f({ reason })] },
  'app/officer/declarations/actions.ts#resumeAction': { args: (t) => [t.declaration, 1] },
  'app/officer/declarations/actions.ts#reassignAction': {
    args: (t) => [t.declaration, f({ inspectorId: t.otherInspectorOfPost, reason })],
  },
  'app/officer/declarations/actions.ts#decideAdjustmentAction': { args: (t) => [t.missing, 1, true] },
  'app/officer/declarations/actions.ts#setOnDutyAction': { args: () => [false], mine: true },
  'app/officer/audits/actions.ts#recordPostClearanceAuditAction': { args: (t) => [t.auditDeclaration, f(FORMS.audit)] },
  'app/officer/refunds/actions.ts#approveRefundAction': { args: (t) => [t.missing, f({ approvalNote: reason })] },
  'app/officer/refunds/actions.ts#refuseRefundAction': { args: (t) => [t.missing, f({ refusalReason: reason })] },
  'app/officer/risk/actions.ts#saveProfileAction': { args: (t) => [t.riskProfile, f(FORMS.profile)] },
  'app/officer/risk/actions.ts#backtestProfileAction': { args: (t) => [t.riskProfile, f(FORMS.profile)] },
  'app/officer/risk/actions.ts#activateModelAction': { args: (t) => [t.riskModel] },
  'app/officer/risk/actions.ts#startTrainingAction': { args: () => [] },
  'app/officer/risk/actions.ts#setChannelSharesAction': { args: () => [f(FORMS.shares)] },
  'app/officer/risk/actions.ts#backtestChannelSharesAction': { args: () => [f(FORMS.shares)] },
  'app/agency/actions.ts#requestInformationAction': { args: (t) => [t.application, f({ message: reason })] },
  'app/agency/actions.ts#issuePermitAction': {
    args: (t) => [
      t.application,
      f({ validFrom: daysAgo(0), validTo: daysAgo(-30), quantity: '1', unit: 'KG', conditions: '' }),
    ],
  },
  'app/agency/actions.ts#refuseApplicationAction': { args: (t) => [t.application, f({ reason })] },
  'app/agency/actions.ts#revokePermitAction': { args: (t) => [t.permit, f({ reason })] },
  'app/admin/permit-types/actions.ts#createPermitTypeAction': {
    args: () => [f({ ...FORMS.permitType, code: 'VET-MATRIX' })],
  },
  'app/admin/permit-types/actions.ts#updatePermitTypeAction': { args: (t) => [t.permitTypeCode, f(FORMS.permitType)] },
  'app/admin/permit-types/actions.ts#saveSlaTargetAction': { args: () => [f({ workingDays: '5' })] },
  'app/admin/settings/actions.ts#saveServiceSettingsAction': {
    args: () => [f({ yellowTargetMinutes: '240', redTargetMinutes: '480', fourEyesLimit: '10000000.00' })],
  },
  'app/account/password/actions.ts#changePasswordAction': {
    args: () => [
      f({
        currentPassword: 'Demo#2026',
        newPassword: 'Matrix attack password 2026',
        confirmPassword: 'Matrix attack password 2026',
      }),
    ],
    mine: true,
  },
  'app/account/password/actions.ts#signOutEverywhereAction': { args: () => [], mine: true },
  'app/gateway/test/actions.ts#payAtTestGatewayAction': {
    args: (t) => [{ order: t.topUp, amount: '100000000000.00', returnPath: '/trader/account' }, 'SUCCESS'],
  },
  'app/gateway/test/actions.ts#sendHeldNotificationAction': { args: (t) => [{ order: t.topUp }] },
};
