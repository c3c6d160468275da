import { describe, expect, it } from 'vitest';
import { holdingActive, projectStatusAsOf, type DatedProject } from './project-state';

const TODAY = '2026-11-21';
const p = (x: Partial<DatedProject>): DatedProject => ({
  status: 'operating', investment_cert_date: '2023-10-05', lease_contract_date: '2023-12-12', construction_start: '2024-03-18',
  operation_start: '2025-03-01', created_on: '2026-11-01', last_released_on: null, ...x,
});

describe('projectStatusAsOf', () => {
  it('follows the project’s dates for past days', () => {
    expect(projectStatusAsOf(p({}), '2023-10-04', TODAY)).toBeNull();
    expect(projectStatusAsOf(p({}), '2023-10-05', TODAY)).toBe('approved');
    expect(projectStatusAsOf(p({}), '2024-12-14', TODAY)).toBe('under_construction');
    expect(projectStatusAsOf(p({}), '2025-06-14', TODAY)).toBe('operating');
  });
  it('ignores an undated suspension for past days, shows it from today', () => {
    const s = p({ status: 'suspended' });
    expect(projectStatusAsOf(s, '2025-12-14', TODAY)).toBe('operating');
    expect(projectStatusAsOf(s, TODAY, TODAY)).toBe('suspended');
  });
  it('a terminated project is terminated from its last plot release, and throughout without one', () => {
    const t = p({ status: 'terminated', construction_start: null, operation_start: null, last_released_on: '2025-09-30' });
    expect(projectStatusAsOf(t, '2025-06-14', TODAY)).toBe('approved');
    expect(projectStatusAsOf(t, '2025-09-30', TODAY)).toBe('terminated');
    expect(projectStatusAsOf(p({ status: 'terminated' }), '2025-06-14', TODAY)).toBe('terminated');
  });
  it('falls back to the lease, then to the day it was entered', () => {
    expect(projectStatusAsOf(p({ investment_cert_date: null }), '2023-12-11', TODAY)).toBeNull();
    expect(projectStatusAsOf(p({ investment_cert_date: null, lease_contract_date: null, status: 'approved' }), '2026-10-31', TODAY)).toBeNull();
  });
});

describe('holdingActive', () => {
  it('is active from leased_on, up to the day before released_on', () => {
    const h = { leased_on: '2024-04-01', released_on: '2025-09-30' };
    expect([holdingActive(h, '2024-03-31'), holdingActive(h, '2024-04-01'), holdingActive(h, '2025-09-29'), holdingActive(h, '2025-09-30')]).toEqual([
      false, true, true, false,
    ]);
    expect(holdingActive({ leased_on: '2024-04-01', released_on: null }, '2030-01-01')).toBe(true);
  });
});
