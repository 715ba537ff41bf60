import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

/** Name of the sparse, sharded index of what is due next (DESIGN.md, "due index"). */
export const DUE_INDEX_NAME = 'due';

/** The attribute whose epoch-seconds value lets DynamoDB expire an item. */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface ProgramTableProps {
  /** Keep the data when the stack is deleted, and refuse deletion of the table. */
  readonly retain: boolean;
}

/**
 * The program's single table (`PK`/`SK`) with the `due` index.
 *
 * `dynamodb.Table` (AWS::DynamoDB::Table), not TableV2 (AWS::DynamoDB::GlobalTable): the program
 * runs in one region, and switching a live table between the two resource types needs a migration.
 */
export class ProgramTable extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: ProgramTableProps) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'PK', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'SK', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Sparse: only active enrollments carry duePk/dueSk. KEYS_ONLY because dispatch needs just the
    // enrollment id (in the table keys) and then reads the current profile with a consistent
    // GetItem: a projected copy could be stale, and every profile write would be paid twice.
    this.table.addGlobalSecondaryIndex({
      indexName: DUE_INDEX_NAME,
      partitionKey: { name: 'duePk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'dueSk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.KEYS_ONLY,
    });
  }
}
