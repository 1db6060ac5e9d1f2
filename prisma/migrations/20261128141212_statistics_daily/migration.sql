-- CreateTable
CREATE TABLE "StatisticsDeclarationDay" (
    "day" DATE NOT NULL,
    "postId" UUID NOT NULL,
    "regime" "Regime" NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "registered" INTEGER NOT NULL,
    "released" INTEGER NOT NULL,
    "refused" INTEGER NOT NULL,
    "withdrawn" INTEGER NOT NULL,

    CONSTRAINT "StatisticsDeclarationDay_pkey" PRIMARY KEY ("day","postId","regime","channel")
);

-- CreateTable
CREATE TABLE "StatisticsReleaseTimeDay" (
    "day" DATE NOT NULL,
    "postId" UUID NOT NULL,
    "channel" VARCHAR(8) NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "minSeconds" DECIMAL(14,3) NOT NULL,
    "maxSeconds" DECIMAL(14,3) NOT NULL,

    CONSTRAINT "StatisticsReleaseTimeDay_pkey" PRIMARY KEY ("day","postId","channel","bucket")
);

-- CreateTable
CREATE TABLE "StatisticsInspectionDay" (
    "day" DATE NOT NULL,
    "postId" UUID NOT NULL,
    "kind" "InspectionKind" NOT NULL,
    "inspections" INTEGER NOT NULL,
    "hits" INTEGER NOT NULL,
    "additionalRevenue" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "StatisticsInspectionDay_pkey" PRIMARY KEY ("day","postId","kind")
);

-- CreateTable
CREATE TABLE "StatisticsAssessedDay" (
    "day" DATE NOT NULL,
    "postId" UUID NOT NULL,
    "paymentType" "PaymentType" NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,
    "securedAmount" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "StatisticsAssessedDay_pkey" PRIMARY KEY ("day","postId","paymentType")
);

-- CreateTable
CREATE TABLE "StatisticsCollectedDay" (
    "day" DATE NOT NULL,
    "postId" UUID NOT NULL,
    "payments" INTEGER NOT NULL,
    "amount" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "StatisticsCollectedDay_pkey" PRIMARY KEY ("day","postId")
);

-- CreateTable
CREATE TABLE "StatisticsWorkloadDay" (
    "day" DATE NOT NULL,
    "postId" UUID NOT NULL,
    "inspectorId" UUID NOT NULL,
    "closed" INTEGER NOT NULL,

    CONSTRAINT "StatisticsWorkloadDay_pkey" PRIMARY KEY ("day","postId","inspectorId")
);

-- CreateTable
CREATE TABLE "StatisticsChange" (
    "id" BIGSERIAL NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "StatisticsChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StatisticsDeclarationDay_postId_day_idx" ON "StatisticsDeclarationDay"("postId", "day");

-- CreateIndex
CREATE INDEX "StatisticsReleaseTimeDay_postId_day_idx" ON "StatisticsReleaseTimeDay"("postId", "day");

-- CreateIndex
CREATE INDEX "StatisticsInspectionDay_postId_day_idx" ON "StatisticsInspectionDay"("postId", "day");

-- CreateIndex
CREATE INDEX "StatisticsAssessedDay_postId_day_idx" ON "StatisticsAssessedDay"("postId", "day");

-- CreateIndex
CREATE INDEX "StatisticsCollectedDay_postId_day_idx" ON "StatisticsCollectedDay"("postId", "day");

-- CreateIndex
CREATE INDEX "StatisticsWorkloadDay_postId_day_idx" ON "StatisticsWorkloadDay"("postId", "day");

-- CreateIndex
CREATE INDEX "Payment_at_idx" ON "Payment"("at");

-- Statistics: every change that moves a figure of the dashboard lists its service day (Asia/Tashkent,
-- UTC+5, no daylight saving, as lib/time.ts) in "StatisticsChange", and src/server/statistics/refresh.ts
-- recomputes the listed days from the base tables before the dashboard reads. Statement-level
-- triggers with transition tables: one small insert per statement, however many rows it touched.
-- Prisma does not model functions or triggers, so they live here only.
-- The function bodies are E'' strings with \x3b for the semicolon: the migration runner splits
-- scripts on every semicolon (@prisma/adapter-pg executeScript), even inside $$ quotes.

CREATE FUNCTION statistics_service_day(at TIMESTAMP) RETURNS DATE
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (at + INTERVAL '5 hours')::date $$;

-- Generic: TG_ARGV[0] is the moment column, TG_ARGV[1..] the transition tables to read.
CREATE FUNCTION statistics_mark_days() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  transition text\x3b
BEGIN
  FOREACH transition IN ARRAY TG_ARGV[1:] LOOP
    EXECUTE format(''INSERT INTO "StatisticsChange" ("day") SELECT DISTINCT statistics_service_day(%1$I) FROM %2$I WHERE %1$I IS NOT NULL'', TG_ARGV[0], transition)\x3b
  END LOOP\x3b
  RETURN NULL\x3b
END';

-- An updated declaration: its old and new registration day, when a column the figures read changed.
CREATE FUNCTION statistics_declaration_updated() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "StatisticsChange" ("day")
  SELECT DISTINCT statistics_service_day(changed.at)
  FROM old_rows o
  JOIN new_rows n ON n."id" = o."id"
  CROSS JOIN LATERAL (VALUES (o."registeredAt"), (n."registeredAt")) AS changed(at)
  WHERE changed.at IS NOT NULL
    AND (o."status", o."channel", o."regime", o."postId", o."registeredAt", o."submittedAt", o."releasedAt")
        IS DISTINCT FROM (n."status", n."channel", n."regime", n."postId", n."registeredAt", n."submittedAt", n."releasedAt")\x3b
  RETURN NULL\x3b
END';

-- An assessment: its declaration's registration day (an assessment stored before registration is
-- covered by the registration itself, which sets "registeredAt").
CREATE FUNCTION statistics_assessment_changed() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  transition text\x3b
BEGIN
  FOREACH transition IN ARRAY TG_ARGV LOOP
    EXECUTE format(''INSERT INTO "StatisticsChange" ("day") SELECT DISTINCT statistics_service_day(d."registeredAt") FROM "Declaration" d WHERE d."registeredAt" IS NOT NULL AND d."id" IN (SELECT t."declarationId" FROM %I t)'', transition)\x3b
  END LOOP\x3b
  RETURN NULL\x3b
END';

-- Declarations count on their registration day.
CREATE TRIGGER statistics_declaration_insert AFTER INSERT ON "Declaration"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('registeredAt', 'new_rows');
CREATE TRIGGER statistics_declaration_update AFTER UPDATE ON "Declaration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_declaration_updated();
CREATE TRIGGER statistics_declaration_delete AFTER DELETE ON "Declaration"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('registeredAt', 'old_rows');

-- Assessments count on their declaration's registration day.
CREATE TRIGGER statistics_assessment_insert AFTER INSERT ON "AssessedPayment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_assessment_changed('new_rows');
CREATE TRIGGER statistics_assessment_update AFTER UPDATE ON "AssessedPayment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_assessment_changed('old_rows', 'new_rows');
CREATE TRIGGER statistics_assessment_delete AFTER DELETE ON "AssessedPayment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_assessment_changed('old_rows');

-- Inspections count on the day they were performed.
CREATE TRIGGER statistics_inspection_insert AFTER INSERT ON "Inspection"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('at', 'new_rows');
CREATE TRIGGER statistics_inspection_update AFTER UPDATE ON "Inspection"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('at', 'old_rows', 'new_rows');
CREATE TRIGGER statistics_inspection_delete AFTER DELETE ON "Inspection"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('at', 'old_rows');

-- Payments count on the day they were made (a reversal changes the status: that day again).
CREATE TRIGGER statistics_payment_insert AFTER INSERT ON "Payment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('at', 'new_rows');
CREATE TRIGGER statistics_payment_update AFTER UPDATE ON "Payment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('at', 'old_rows', 'new_rows');
CREATE TRIGGER statistics_payment_delete AFTER DELETE ON "Payment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('at', 'old_rows');

-- Assignments count on the day they were closed (open work is read live).
CREATE TRIGGER statistics_assignment_insert AFTER INSERT ON "Assignment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('closedAt', 'new_rows');
CREATE TRIGGER statistics_assignment_update AFTER UPDATE ON "Assignment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('closedAt', 'old_rows', 'new_rows');
CREATE TRIGGER statistics_assignment_delete AFTER DELETE ON "Assignment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION statistics_mark_days('closedAt', 'old_rows');

-- Whatever is already in the database (a database migrated after its history was loaded).
INSERT INTO "StatisticsChange" ("day")
SELECT statistics_service_day("registeredAt") FROM "Declaration" WHERE "registeredAt" IS NOT NULL
UNION SELECT statistics_service_day("at") FROM "Inspection"
UNION SELECT statistics_service_day("at") FROM "Payment"
UNION SELECT statistics_service_day("closedAt") FROM "Assignment" WHERE "closedAt" IS NOT NULL;
