import { withFields } from '../../shared/objects.ts';
import { createAccounts } from './accounts/accounts.ts';
import { createAccrual } from './earning/accrual.ts';
import type { EngagementService } from './earning/engagement.service.ts';
import { createErasureLoyalty } from './lifecycle/erasure.ts';
import type { LoyaltyCore } from './loyalty.core.ts';
import { createMergeLoyalty } from './lifecycle/merge-loyalty.ts';
import { createProgramVersions } from './program/program-versions.ts';
import { createProgramSimulation } from './simulate/simulate.service.ts';
import { createRefundsAndReceipts } from './refunds/refunds-and-receipts.ts';
import { createStaffActions } from './accounts/staff-actions.ts';

// The points side of the loyalty service, put together from one file per concern: the
// program's versions and a proposed one's simulation, points for purchases, their refunds
// and receipts, staff adjustments and enrolment, the accounts read back, and the loyalty
// parts of a merge and an erasure. Each part is made once here, so the methods other
// modules call are the parts' own closures: nothing stands between a purchase and accrue.

export function createLoyaltyService(core: LoyaltyCore, engagement: EngagementService) {
  const accounts = createAccounts(core, engagement);
  return withFields(
    withFields(createProgramVersions(core), createProgramSimulation(core), createAccrual(core, engagement), createRefundsAndReceipts(core, engagement)),
    createStaffActions(core, engagement, accounts),
    accounts,
    withFields(createMergeLoyalty(core), createErasureLoyalty(core)),
  );
}

export type LoyaltyService = ReturnType<typeof createLoyaltyService>;
