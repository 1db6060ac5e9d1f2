-- 1. A permit application and its permit are for one direction (import, export or transit): the
-- trader's choice when the type serves several (PH-NARC, ECO-CITES), else the type's only one.
-- Existing rows take their type's first direction (every type of the demo catalogue but those two
-- has exactly one, the admin form requires at least one, and 'IMPORT' covers a type with none).
ALTER TABLE "PermitApplication" ADD COLUMN "direction" "Direction";
UPDATE "PermitApplication" a SET "direction" = coalesce(t."directions"[1], 'IMPORT') FROM "PermitType" t WHERE t."code" = a."permitTypeCode";
ALTER TABLE "PermitApplication" ALTER COLUMN "direction" SET NOT NULL;

ALTER TABLE "Permit" ADD COLUMN "direction" "Direction";
UPDATE "Permit" p SET "direction" = coalesce(t."directions"[1], 'IMPORT') FROM "PermitType" t WHERE t."code" = p."permitTypeCode";
ALTER TABLE "Permit" ALTER COLUMN "direction" SET NOT NULL;

-- 2. The built-in test bank's own book of charged orders (one charge per order).
CREATE TABLE "TestBankCharge" (
    "order" UUID NOT NULL,
    "transactionId" TEXT NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "chargedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TestBankCharge_pkey" PRIMARY KEY ("order")
);

CREATE UNIQUE INDEX "TestBankCharge_transactionId_key" ON "TestBankCharge"("transactionId");

-- 3. Defence in depth: what the application layer already keeps true, the database refuses to
-- break, whoever writes (a script, a console, a bug). Prisma models neither CHECK constraints nor
-- triggers, so they live here only. The function body is an E'' string with \x3b for the
-- semicolon: the migration runner splits scripts on every semicolon, even inside $$ quotes.

-- The ledger is append-only: a mistake is corrected by a new entry, never by changing or deleting
-- one. Row-level, so TRUNCATE (tests and benches emptying a whole database) still works. The
-- error is the plain P0001 (raise_exception): Prisma would report an integrity-class code as a
-- foreign-key violation, hiding the message.
CREATE FUNCTION ledger_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''LedgerEntry % is immutable: % refused (correct it with a new entry)'', OLD.id, TG_OP\x3b
END';
CREATE TRIGGER ledger_entry_immutable BEFORE UPDATE OR DELETE ON "LedgerEntry"
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_immutable();

-- A personal account never goes below zero.
ALTER TABLE "Account" ADD CONSTRAINT "Account_balance_not_negative" CHECK ("balance" >= 0);

-- A permit never gives more than it granted, nor is overdrawn.
ALTER TABLE "Permit" ADD CONSTRAINT "Permit_remainingQuantity_within_quantity" CHECK ("remainingQuantity" >= 0 AND "remainingQuantity" <= "quantity");
