import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './text';

describe('foldVietnamese', () => {
  it('removes diacritics and maps đ to d', () => {
    expect(foldVietnamese('Đình Lập')).toBe('dinh lap');
    expect(foldVietnamese('Cụm công nghiệp Hồ Sơn 1')).toBe('cum cong nghiep ho son 1');
  });
  it('folds precomposed and decomposed input alike', () => {
    expect(foldVietnamese('Hòa Sơn'.normalize('NFD'))).toBe(foldVietnamese('Hòa Sơn'.normalize('NFC')));
  });
});
