-- DropForeignKey
ALTER TABLE "AssessedPayment" DROP CONSTRAINT "AssessedPayment_itemId_fkey";

-- AddForeignKey
ALTER TABLE "AssessedPayment" ADD CONSTRAINT "AssessedPayment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "DeclarationItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
