import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportStore } from '../../ports/store';
import type { CheckpointReport } from '../../program/report';
import { keys } from './keys';
import { expiring, type Item, strip, type Table } from './table';

/** The day-90 report, one item in its enrollment's partition. */
export function dynamoReports(table: Table): ReportStore {
  return {
    async saveReport(report, retainUntil) {
      await table.db.send(
        new PutCommand({
          TableName: table.name,
          Item: { ...keys.report(report.enrollmentId), ...report, ...expiring(retainUntil) },
        }),
      );
    },

    async getReport(enrollmentId) {
      return strip<CheckpointReport & Item>(table.live(await table.get(keys.report(enrollmentId), false)));
    },
  };
}
