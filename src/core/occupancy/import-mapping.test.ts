import { describe, expect, it } from 'vitest';
import { parseAreaHa, suggestLandUse, suggestMapping, summariseFields } from './import-mapping';

describe('suggestLandUse', () => {
  it('reads the labels of Vietnamese detailed plans', () => {
    const cases: [string, string | null][] = [
      ['Đất nhà máy, kho tàng', 'industrial'],
      ['Đất công nghiệp', 'industrial'],
      ['CN', 'industrial'],
      ['SKN', 'industrial'],
      ['Đất cây xanh cách ly', 'green'],
      ['CX-02', 'green'],
      ['Đất giao thông', 'roads'],
      ['GT', 'roads'],
      ['Trạm xử lý nước thải', 'wastewater'],
      ['XLNT', 'wastewater'],
      ['Đất hạ tầng kỹ thuật', 'infrastructure'],
      ['Khu điều hành, dịch vụ', 'services'],
      ['Hồ điều hòa', 'water'],
      ['industrial', 'industrial'],
      ['???', null],
    ];
    for (const [label, use] of cases) expect(suggestLandUse(label), label).toBe(use);
  });
});

describe('suggestMapping', () => {
  it('finds the code, land-use and area fields by name', () => {
    const props = [
      { OBJECTID: 1, MA_LO: 'CN-01', CHUC_NANG: 'Đất công nghiệp', DIEN_TICH: '1,27' },
      { OBJECTID: 2, MA_LO: 'CN-02', CHUC_NANG: 'Đất công nghiệp', DIEN_TICH: '1,30' },
      { OBJECTID: 3, MA_LO: 'CX-01', CHUC_NANG: 'Cây xanh', DIEN_TICH: '0,40' },
    ];
    const fields = summariseFields(props);
    expect(fields.find((f) => f.name === 'DIEN_TICH')!.numeric).toBe(true);
    expect(suggestMapping(fields, 3)).toEqual({ code: 'MA_LO', landUse: 'CHUC_NANG', planAreaHa: 'DIEN_TICH', note: null });
  });

  it('falls back to a unique text field for the code and a label-like field for the land use', () => {
    const props = [
      { a: 'L1', b: 'CN' },
      { a: 'L2', b: 'GT' },
    ];
    expect(suggestMapping(summariseFields(props), 2)).toMatchObject({ code: 'a', landUse: 'b' });
    expect(suggestMapping(summariseFields([{ x: 'same' }, { x: 'same' }]), 2)).toBeNull();
  });
});

describe('parseAreaHa', () => {
  it('accepts decimal comma or point, refuses the rest', () => {
    expect(parseAreaHa('1,27')).toBe(1.27);
    expect(parseAreaHa('1.27')).toBe(1.27);
    expect(parseAreaHa(2)).toBe(2);
    expect(parseAreaHa('abc')).toBeNull();
    expect(parseAreaHa(-1)).toBeNull();
  });
});
