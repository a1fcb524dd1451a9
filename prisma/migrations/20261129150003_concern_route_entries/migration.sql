-- AlterEnum
ALTER TYPE "ConcernEntryKind" ADD VALUE 'ROUTE';

