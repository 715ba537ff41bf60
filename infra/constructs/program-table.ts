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
    // Sparse: only active enrollments carry duePk/dueSk. ALL, so a tick reads each due enrollment once,
    // from the index (one item per message due, docs/BENCHMARKS.md), instead of a key and then a
    // GetItem. The copy may lag a write by a moment; every write dispatch makes from it is conditional on
    // the enrollment's version, and send re-reads the enrollment before it sends. Every write of an
    // active enrollment is paid twice (table and index); reads are what grows with the population.
    // ALL rather than INCLUDE: dispatch writes the enrollment back whole, so a partial copy would drop fields.
    // A deployed table cannot change a GSI's projection in place: a new index name, then a backfill.
    this.table.addGlobalSecondaryIndex({
      indexName: DUE_INDEX_NAME,
      partitionKey: { name: 'duePk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'dueSk', type: dynamodb.AttributeType.STRING },
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
}
