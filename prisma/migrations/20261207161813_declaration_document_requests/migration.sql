-- CreateEnum
CREATE TYPE "DocumentRequestStatus" AS ENUM ('OPEN', 'FULFILLED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Declaration" ADD COLUMN     "slaPausedSeconds" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "slaPausedSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DeclarationDocument" ADD COLUMN     "requestId" UUID;

-- CreateTable
CREATE TABLE "DocumentRequest" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "requestedById" UUID NOT NULL,
    "documentTypes" "DocumentType"[],
    "reason" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "DocumentRequestStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "closedReason" TEXT,

    CONSTRAINT "DocumentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DocumentRequest_declarationId_status_idx" ON "DocumentRequest"("declarationId", "status");

-- CreateIndex
CREATE INDEX "DeclarationDocument_requestId_idx" ON "DeclarationDocument"("requestId");

-- AddForeignKey
ALTER TABLE "DeclarationDocument" ADD CONSTRAINT "DeclarationDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DocumentRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentRequest" ADD CONSTRAINT "DocumentRequest_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "Declaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
