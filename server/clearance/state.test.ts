import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARCEL_STATUSES } from '../../src/core/clearance/steps';
import { reach } from '../../src/core/clearance/test-paths';
import { stateFromRow, STATE_COLUMNS, stateValues, type ParcelStateRow } from './state';

describe('parcel state in the database', () => {
  it('the migration allows exactly the statuses of the state machine', () => {
    const sql = readFileSync(new URL('../../data/migrations/040_parcels.sql', import.meta.url), 'utf8');
    const list = /status\s+text NOT NULL DEFAULT 'plan' CHECK \(status IN \(([^)]*)\)\)/.exec(sql)![1]!;
    expect(list.match(/'(\w+)'/g)!.map((x) => x.slice(1, -1))).toEqual([...PARCEL_STATUSES]);
  });

  it('a state written to the row reads back the same', () => {
    for (const status of PARCEL_STATUSES) {
      const s = reach(status, 'agricultural');
      const row = Object.fromEntries(STATE_COLUMNS.map((c, i) => [c, stateValues(s, '2025-01-01')[i]])) as unknown as ParcelStateRow;
      const back = stateFromRow({ ...row, legal_land_code: 'LUC', planned_on: '2025-01-01' });
      expect(back).toEqual({ ...s, deposited: s.deposited ?? false, compulsoryInventory: s.compulsoryInventory ?? false, compulsoryRecovery: s.compulsoryRecovery ?? false });
    }
  });
});
