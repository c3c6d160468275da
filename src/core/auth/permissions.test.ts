import { describe, expect, it } from 'vitest';
import { canWrite, roleAtLeast, type Principal } from './permissions';

const editor = (over: Partial<Principal> = {}): Principal => ({
  role: 'editor', provinceCode: '20', communeCodes: [], clusterIds: [], ...over,
});

describe('canWrite', () => {
  it('admins write anywhere, viewers nowhere', () => {
    expect(canWrite({ ...editor(), role: 'admin', provinceCode: null }, { provinceCode: '24' })).toBe(true);
    expect(canWrite({ ...editor(), role: 'viewer' }, { provinceCode: '20' })).toBe(false);
  });
  it('a province editor writes in the province only', () => {
    expect(canWrite(editor(), { provinceCode: '20', communeCodes: ['06613'] })).toBe(true);
    expect(canWrite(editor(), { provinceCode: '24' })).toBe(false);
    expect(canWrite(editor({ provinceCode: null }), { provinceCode: '20' })).toBe(false);
  });
  it('a commune-scoped editor writes only records wholly inside their communes', () => {
    const e = editor({ communeCodes: ['06451', '06427'] });
    expect(canWrite(e, { provinceCode: '20', communeCodes: ['06451'] })).toBe(true);
    expect(canWrite(e, { provinceCode: '20', communeCodes: ['06451', '06427'] })).toBe(true);
    expect(canWrite(e, { provinceCode: '20', communeCodes: ['06451', '06613'] })).toBe(false);
    expect(canWrite(e, { provinceCode: '20' })).toBe(false);
  });
  it('a cluster-scoped editor writes only their clusters', () => {
    const e = editor({ clusterIds: [3] });
    expect(canWrite(e, { provinceCode: '20', clusterId: 3 })).toBe(true);
    expect(canWrite(e, { provinceCode: '20', clusterId: 1 })).toBe(false);
    expect(canWrite(e, { provinceCode: '24', clusterId: 3 })).toBe(false);
  });
  it('orders roles', () => {
    expect(roleAtLeast('admin', 'editor')).toBe(true);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
  });
});
