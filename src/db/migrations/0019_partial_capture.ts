import { sql, type Kysely } from 'kysely';

// A till may capture fewer points than it reserved (the final basket needed fewer): the
// capture spends those and gives the rest back to the member's lots in the same
// transaction. captured_points records what the capture spent, so that a retry with the
// same points is told the first answer and one with other points is refused; null until
// the reservation is captured. Reservations captured before this spent all their points.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE loyalty_reservations ADD COLUMN captured_points bigint;
    UPDATE loyalty_reservations SET captured_points = points WHERE status = 'captured';
    ALTER TABLE loyalty_reservations ADD CONSTRAINT loyalty_reservations_captured_points CHECK (
      (status = 'captured') = (captured_points IS NOT NULL) AND (captured_points IS NULL OR captured_points BETWEEN 1 AND points)
    );
  `.execute(db);
}
