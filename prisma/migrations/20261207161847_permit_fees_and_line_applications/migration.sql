-- CreateEnum
CREATE TYPE "PermitFeeKind" AS ENUM ('CHARGE', 'REFUND');

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "permitFeeId" UUID;

-- AlterTable
ALTER TABLE "PermitApplication" ADD COLUMN     "declarationId" UUID,
ADD COLUMN     "declarationLineNo" INTEGER;

-- AlterTable
ALTER TABLE "PermitType" ADD COLUMN     "isFeeRefundable" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PermitFee" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "kind" "PermitFeeKind" NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "isRefundable" BOOLEAN NOT NULL DEFAULT false,
    "receiptNumber" TEXT NOT NULL,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PermitFee_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PermitFee_receiptNumber_key" ON "PermitFee"("receiptNumber");

-- CreateIndex
CREATE INDEX "PermitFee_companyId_at_idx" ON "PermitFee"("companyId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PermitFee_applicationId_kind_key" ON "PermitFee"("applicationId", "kind");

-- CreateIndex
CREATE INDEX "PermitApplication_declarationId_idx" ON "PermitApplication"("declarationId");

-- AddForeignKey
ALTER TABLE "PermitApplication" ADD CONSTRAINT "PermitApplication_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitFee" ADD CONSTRAINT "PermitFee_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "PermitApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A fee movement is a positive amount (the ledger entry carries the sign).
ALTER TABLE "PermitFee" ADD CONSTRAINT "PermitFee_amount_positive" CHECK ("amount" > 0);
