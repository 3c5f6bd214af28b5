import { CASES, describeMoneyMovesOnce } from './moneyCases';

// The moneyCases.ts scenario for this operation: 500 items, faults, retries, repeats; counts double movements.
describeMoneyMovesOnce(CASES.refundCreate);
