-- CreateEnum
CREATE TYPE "Role" AS ENUM ('TRADER', 'INSPECTOR', 'SUPERVISOR', 'AGENCY_OFFICER', 'ADMIN');

-- CreateEnum
CREATE TYPE "DutyType" AS ENUM ('AD_VALOREM', 'SPECIFIC', 'COMBINED', 'EXEMPT');

-- CreateEnum
CREATE TYPE "ExciseType" AS ENUM ('NONE', 'AD_VALOREM', 'SPECIFIC');

-- CreateEnum
CREATE TYPE "Regime" AS ENUM ('IM40', 'EK10', 'TR80', 'IM31', 'EK31', 'IM70');

-- CreateEnum
CREATE TYPE "DeclarationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'REGISTERED', 'ASSIGNED', 'AMENDMENT_REQUESTED', 'ON_HOLD', 'ASSESSED', 'PAID', 'RELEASED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('GREEN', 'YELLOW', 'RED', 'BLUE');

-- CreateEnum
CREATE TYPE "TransportMode" AS ENUM ('SEA', 'RAIL', 'ROAD', 'AIR', 'POST');

-- CreateEnum
CREATE TYPE "Incoterm" AS ENUM ('EXW', 'FCA', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('INVOICE', 'CONTRACT', 'PACKING_LIST', 'TRANSPORT_DOCUMENT', 'CERTIFICATE_OF_ORIGIN', 'PERMIT', 'OTHER');

-- CreateEnum
CREATE TYPE "PaymentType" AS ENUM ('DUTY', 'EXCISE', 'VAT', 'FEE');

-- CreateEnum
CREATE TYPE "InspectionKind" AS ENUM ('DOCUMENT_CHECK', 'PHYSICAL_EXAMINATION', 'POST_CLEARANCE_AUDIT');

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'APPLIED');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('IMPORT', 'EXPORT', 'TRANSIT');

-- CreateEnum
CREATE TYPE "PermitScope" AS ENUM ('SHIPMENT', 'QUANTITY');

-- CreateEnum
CREATE TYPE "PermitApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'INFO_REQUESTED', 'ISSUED', 'REFUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "PermitStatus" AS ENUM ('ISSUED', 'REVOKED', 'EXHAUSTED');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('TOP_UP', 'REVERSAL', 'PAYMENT', 'REFUND');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('COMPLETED', 'REVERSED');

-- CreateEnum
CREATE TYPE "TopUpStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'DECLINED');

-- CreateEnum
CREATE TYPE "SignedDocumentKind" AS ENUM ('RELEASE_NOTE', 'DECLARATION', 'PERMIT', 'RECEIPT');

-- CreateTable
CREATE TABLE "Company" (
    "id" UUID NOT NULL,
    "tin" CHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "isAuthorisedEconomicOperator" BOOLEAN NOT NULL DEFAULT false,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "isActive" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomsPost" (
    "id" UUID NOT NULL,
    "code" VARCHAR(5) NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CustomsPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Authority" (
    "id" UUID NOT NULL,
    "code" VARCHAR(10) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Authority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "companyId" UUID,
    "postId" UUID,
    "authorityId" UUID,
    "officerNumber" TEXT,
    "hasFinancePermission" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "isOnDuty" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "isSuccess" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "code" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Currency" (
    "code" CHAR(3) NOT NULL,
    "name" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 2,

    CONSTRAINT "Currency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "id" UUID NOT NULL,
    "currencyCode" CHAR(3) NOT NULL,
    "date" DATE NOT NULL,
    "rate" DECIMAL(18,6) NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 1,
    "source" TEXT NOT NULL DEFAULT 'DEMO',

    CONSTRAINT "ExchangeRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HsHeading" (
    "code" VARCHAR(6) NOT NULL,
    "level" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "parent" TEXT,
    "description" TEXT NOT NULL,

    CONSTRAINT "HsHeading_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "TariffLine" (
    "hsCode" CHAR(10) NOT NULL,
    "description" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "chapter" CHAR(2) NOT NULL,
    "supplementaryUnit" TEXT NOT NULL DEFAULT 'KG',
    "dutyType" "DutyType" NOT NULL,
    "adValoremRate" DECIMAL(7,4) NOT NULL DEFAULT 0,
    "specificRate" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "specificCurrency" CHAR(3) NOT NULL DEFAULT 'USD',
    "specificUnit" TEXT NOT NULL DEFAULT 'KG',
    "exciseType" "ExciseType" NOT NULL DEFAULT 'NONE',
    "exciseRate" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "exciseUnit" TEXT,
    "vatRate" DECIMAL(7,4) NOT NULL DEFAULT 12,
    "exportDutyRate" DECIMAL(7,4) NOT NULL DEFAULT 0,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "TariffLine_pkey" PRIMARY KEY ("hsCode")
);

-- CreateTable
CREATE TABLE "ReferencePrice" (
    "id" UUID NOT NULL,
    "hsCode" VARCHAR(10) NOT NULL,
    "originCountry" CHAR(2) NOT NULL,
    "unit" TEXT NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "q05" DECIMAL(20,6) NOT NULL,
    "q10" DECIMAL(20,6) NOT NULL,
    "q25" DECIMAL(20,6) NOT NULL,
    "q50" DECIMAL(20,6) NOT NULL,
    "q75" DECIMAL(20,6) NOT NULL,
    "q90" DECIMAL(20,6) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferencePrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Declaration" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "postId" UUID,
    "regime" "Regime" NOT NULL,
    "status" "DeclarationStatus" NOT NULL DEFAULT 'DRAFT',
    "channel" "Channel",
    "registrationNumber" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "consignorName" TEXT,
    "consignorCountry" CHAR(2),
    "consignorAddress" TEXT,
    "consigneeName" TEXT,
    "consigneeCountry" CHAR(2),
    "consigneeAddress" TEXT,
    "dispatchCountry" CHAR(2),
    "destinationCountry" CHAR(2),
    "transportMode" "TransportMode",
    "transportDocument" TEXT,
    "incoterm" "Incoterm",
    "invoiceCurrency" CHAR(3),
    "invoiceTotal" DECIMAL(20,2),
    "freight" DECIMAL(20,2),
    "insurance" DECIMAL(20,2),
    "currentReason" TEXT,
    "copiedFromId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "registeredAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),

    CONSTRAINT "Declaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclarationItem" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "lineNo" INTEGER NOT NULL,
    "hsCode" VARCHAR(10) NOT NULL,
    "description" TEXT NOT NULL,
    "originCountry" CHAR(2) NOT NULL,
    "grossMass" DECIMAL(18,3) NOT NULL,
    "netMass" DECIMAL(18,3) NOT NULL,
    "quantity" DECIMAL(18,3) NOT NULL,
    "supplementaryUnit" TEXT NOT NULL,
    "invoiceValue" DECIMAL(20,2) NOT NULL,
    "customsValue" DECIMAL(20,2),

    CONSTRAINT "DeclarationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclarationDocument" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "type" "DocumentType" NOT NULL,
    "number" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "fileId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeclarationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "companyId" UUID,
    "uploadedById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclarationStatusEvent" (
    "id" BIGSERIAL NOT NULL,
    "declarationId" UUID NOT NULL,
    "fromStatus" "DeclarationStatus",
    "toStatus" "DeclarationStatus" NOT NULL,
    "actorId" UUID,
    "actorRole" TEXT NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeclarationStatusEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationSequence" (
    "postId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "RegistrationSequence_pkey" PRIMARY KEY ("postId","day")
);

-- CreateTable
CREATE TABLE "AssessedPayment" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "itemId" UUID,
    "assessmentNo" INTEGER NOT NULL DEFAULT 1,
    "paymentType" "PaymentType" NOT NULL,
    "base" DECIMAL(20,2) NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "isSecured" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessedPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "reasons" JSONB NOT NULL,
    "modelVersion" TEXT,
    "fallbackReason" TEXT,
    "isRandomPick" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskProfile" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "conditions" JSONB NOT NULL,
    "weight" INTEGER NOT NULL DEFAULT 0,
    "forcedChannel" "Channel",
    "instructions" TEXT,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3),
    "isShadow" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskModel" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "metrics" JSONB,
    "trainedAt" TIMESTAMP(3) NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RiskModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "inspectorId" UUID,
    "assignedById" UUID,
    "reason" TEXT,
    "assignedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "riskAssessmentId" UUID,
    "inspectorId" UUID NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "findings" TEXT NOT NULL,
    "isHit" BOOLEAN NOT NULL,
    "isCritical" BOOLEAN NOT NULL DEFAULT false,
    "discrepancyType" TEXT,
    "additionalRevenue" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValueAdjustment" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "decidedById" UUID,
    "status" "ApprovalStatus" NOT NULL,
    "changes" JSONB NOT NULL,
    "amountDelta" DECIMAL(20,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ValueAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitType" (
    "code" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "authorityId" UUID NOT NULL,
    "directions" "Direction"[],
    "hsPrefixes" TEXT[],
    "validityDays" INTEGER NOT NULL,
    "scope" "PermitScope" NOT NULL,
    "requiredDocuments" TEXT[],
    "fee" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "PermitType_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "PermitApplication" (
    "id" UUID NOT NULL,
    "number" TEXT,
    "companyId" UUID NOT NULL,
    "permitTypeCode" VARCHAR(12) NOT NULL,
    "status" "PermitApplicationStatus" NOT NULL,
    "purpose" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "decidedById" UUID,
    "refusalReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "PermitApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitApplicationProduct" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "hsCode" VARCHAR(10) NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(18,3) NOT NULL,
    "unit" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,

    CONSTRAINT "PermitApplicationProduct_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitApplicationDocument" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "fileId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PermitApplicationDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitApplicationMessage" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "authorRole" "Role" NOT NULL,
    "body" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PermitApplicationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Permit" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "applicationId" UUID,
    "companyId" UUID NOT NULL,
    "permitTypeCode" VARCHAR(12) NOT NULL,
    "status" "PermitStatus" NOT NULL,
    "hsCodes" TEXT[],
    "validFrom" DATE NOT NULL,
    "validTo" DATE NOT NULL,
    "quantity" DECIMAL(18,3) NOT NULL,
    "remainingQuantity" DECIMAL(18,3) NOT NULL,
    "unit" TEXT NOT NULL,
    "conditions" TEXT,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "revokedReason" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Permit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitLink" (
    "id" UUID NOT NULL,
    "permitId" UUID NOT NULL,
    "declarationItemId" UUID NOT NULL,
    "quantity" DECIMAL(18,3) NOT NULL,
    "writtenOffAt" TIMESTAMP(3),

    CONSTRAINT "PermitLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "balance" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "paymentType" "PaymentType",
    "declarationId" UUID,
    "paymentId" UUID,
    "topUpId" UUID,
    "refundId" UUID,
    "reference" TEXT NOT NULL,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "receiptNumber" TEXT NOT NULL,
    "actorId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TopUp" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "gateway" TEXT NOT NULL,
    "gatewayTransactionId" TEXT,
    "status" "TopUpStatus" NOT NULL,
    "receiptNumber" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "TopUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayCallback" (
    "id" BIGSERIAL NOT NULL,
    "gateway" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "signature" TEXT,
    "isAccepted" BOOLEAN NOT NULL,
    "outcome" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GatewayCallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "status" "ApprovalStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" UUID NOT NULL,
    "decidedById" UUID,
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignedDocument" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "SignedDocumentKind" NOT NULL,
    "subjectId" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "SignedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "data" JSONB,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Company_tin_key" ON "Company"("tin");

-- CreateIndex
CREATE UNIQUE INDEX "CustomsPost_code_key" ON "CustomsPost"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Authority_code_key" ON "Authority"("code");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_officerNumber_key" ON "User"("officerNumber");

-- CreateIndex
CREATE INDEX "User_role_postId_isOnDuty_idx" ON "User"("role", "postId", "isOnDuty");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_at_idx" ON "SignInAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "SignInAttempt_address_at_idx" ON "SignInAttempt"("address", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ExchangeRate_currencyCode_date_key" ON "ExchangeRate"("currencyCode", "date");

-- CreateIndex
CREATE INDEX "HsHeading_parent_idx" ON "HsHeading"("parent");

-- CreateIndex
CREATE INDEX "TariffLine_chapter_idx" ON "TariffLine"("chapter");

-- CreateIndex
CREATE UNIQUE INDEX "ReferencePrice_hsCode_originCountry_key" ON "ReferencePrice"("hsCode", "originCountry");

-- CreateIndex
CREATE UNIQUE INDEX "Declaration_registrationNumber_key" ON "Declaration"("registrationNumber");

-- CreateIndex
CREATE INDEX "Declaration_companyId_createdAt_idx" ON "Declaration"("companyId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Declaration_companyId_status_idx" ON "Declaration"("companyId", "status");

-- CreateIndex
CREATE INDEX "Declaration_postId_status_registeredAt_idx" ON "Declaration"("postId", "status", "registeredAt");

-- CreateIndex
CREATE INDEX "Declaration_registeredAt_idx" ON "Declaration"("registeredAt");

-- CreateIndex
CREATE INDEX "Declaration_channel_registeredAt_idx" ON "Declaration"("channel", "registeredAt");

-- CreateIndex
CREATE INDEX "DeclarationItem_hsCode_idx" ON "DeclarationItem"("hsCode");

-- CreateIndex
CREATE UNIQUE INDEX "DeclarationItem_declarationId_lineNo_key" ON "DeclarationItem"("declarationId", "lineNo");

-- CreateIndex
CREATE INDEX "DeclarationStatusEvent_declarationId_at_idx" ON "DeclarationStatusEvent"("declarationId", "at");

-- CreateIndex
CREATE INDEX "AssessedPayment_declarationId_assessmentNo_idx" ON "AssessedPayment"("declarationId", "assessmentNo");

-- CreateIndex
CREATE INDEX "RiskAssessment_declarationId_idx" ON "RiskAssessment"("declarationId");

-- CreateIndex
CREATE INDEX "RiskAssessment_createdAt_idx" ON "RiskAssessment"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RiskModel_version_key" ON "RiskModel"("version");

-- CreateIndex
CREATE INDEX "Assignment_inspectorId_closedAt_idx" ON "Assignment"("inspectorId", "closedAt");

-- CreateIndex
CREATE INDEX "Assignment_postId_closedAt_idx" ON "Assignment"("postId", "closedAt");

-- CreateIndex
CREATE INDEX "Assignment_declarationId_idx" ON "Assignment"("declarationId");

-- CreateIndex
CREATE INDEX "Inspection_declarationId_idx" ON "Inspection"("declarationId");

-- CreateIndex
CREATE INDEX "Inspection_at_idx" ON "Inspection"("at");

-- CreateIndex
CREATE INDEX "ValueAdjustment_declarationId_idx" ON "ValueAdjustment"("declarationId");

-- CreateIndex
CREATE INDEX "ValueAdjustment_status_idx" ON "ValueAdjustment"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PermitApplication_number_key" ON "PermitApplication"("number");

-- CreateIndex
CREATE INDEX "PermitApplication_permitTypeCode_status_idx" ON "PermitApplication"("permitTypeCode", "status");

-- CreateIndex
CREATE INDEX "PermitApplication_companyId_createdAt_idx" ON "PermitApplication"("companyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Permit_number_key" ON "Permit"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Permit_applicationId_key" ON "Permit"("applicationId");

-- CreateIndex
CREATE INDEX "Permit_companyId_permitTypeCode_status_idx" ON "Permit"("companyId", "permitTypeCode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PermitLink_permitId_declarationItemId_key" ON "PermitLink"("permitId", "declarationItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_companyId_key" ON "Account"("companyId");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_at_idx" ON "LedgerEntry"("accountId", "at");

-- CreateIndex
CREATE INDEX "LedgerEntry_declarationId_idx" ON "LedgerEntry"("declarationId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_idempotencyKey_key" ON "Payment"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_receiptNumber_key" ON "Payment"("receiptNumber");

-- CreateIndex
CREATE INDEX "Payment_declarationId_idx" ON "Payment"("declarationId");

-- CreateIndex
CREATE INDEX "Payment_companyId_at_idx" ON "Payment"("companyId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_gatewayTransactionId_key" ON "TopUp"("gatewayTransactionId");

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_receiptNumber_key" ON "TopUp"("receiptNumber");

-- CreateIndex
CREATE INDEX "TopUp_companyId_createdAt_idx" ON "TopUp"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_companyId_createdAt_idx" ON "Refund"("companyId", "createdAt");

-- CreateIndex
CREATE INDEX "Refund_status_idx" ON "Refund"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SignedDocument_number_key" ON "SignedDocument"("number");

-- CreateIndex
CREATE INDEX "SignedDocument_subjectId_idx" ON "SignedDocument"("subjectId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_postId_fkey" FOREIGN KEY ("postId") REFERENCES "CustomsPost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExchangeRate" ADD CONSTRAINT "ExchangeRate_currencyCode_fkey" FOREIGN KEY ("currencyCode") REFERENCES "Currency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Declaration" ADD CONSTRAINT "Declaration_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Declaration" ADD CONSTRAINT "Declaration_postId_fkey" FOREIGN KEY ("postId") REFERENCES "CustomsPost"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationItem" ADD CONSTRAINT "DeclarationItem_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationDocument" ADD CONSTRAINT "DeclarationDocument_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationDocument" ADD CONSTRAINT "DeclarationDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclarationStatusEvent" ADD CONSTRAINT "DeclarationStatusEvent_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationSequence" ADD CONSTRAINT "RegistrationSequence_postId_fkey" FOREIGN KEY ("postId") REFERENCES "CustomsPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessedPayment" ADD CONSTRAINT "AssessedPayment_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessedPayment" ADD CONSTRAINT "AssessedPayment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DeclarationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "CustomsPost"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_riskAssessmentId_fkey" FOREIGN KEY ("riskAssessmentId") REFERENCES "RiskAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueAdjustment" ADD CONSTRAINT "ValueAdjustment_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitType" ADD CONSTRAINT "PermitType_authorityId_fkey" FOREIGN KEY ("authorityId") REFERENCES "Authority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitApplication" ADD CONSTRAINT "PermitApplication_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitApplication" ADD CONSTRAINT "PermitApplication_permitTypeCode_fkey" FOREIGN KEY ("permitTypeCode") REFERENCES "PermitType"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitApplicationProduct" ADD CONSTRAINT "PermitApplicationProduct_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PermitApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitApplicationDocument" ADD CONSTRAINT "PermitApplicationDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PermitApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitApplicationDocument" ADD CONSTRAINT "PermitApplicationDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitApplicationMessage" ADD CONSTRAINT "PermitApplicationMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PermitApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PermitApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_permitTypeCode_fkey" FOREIGN KEY ("permitTypeCode") REFERENCES "PermitType"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitLink" ADD CONSTRAINT "PermitLink_permitId_fkey" FOREIGN KEY ("permitId") REFERENCES "Permit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitLink" ADD CONSTRAINT "PermitLink_declarationItemId_fkey" FOREIGN KEY ("declarationItemId") REFERENCES "DeclarationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
