-- AlterTable
ALTER TABLE "AssessedPayment" ADD COLUMN     "method" VARCHAR(20),
ADD COLUMN     "rate" DECIMAL(18,4),
ADD COLUMN     "rateUnit" VARCHAR(20);
