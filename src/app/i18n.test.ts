import { describe, expect, it } from 'vitest';
import { DICTIONARIES } from './i18n';

describe('dictionaries', () => {
  it('English has every Vietnamese key and no extra one', () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.vi).sort());
  });
  it('no message is empty', () => {
    for (const [k, v] of Object.entries({ ...DICTIONARIES.vi, ...DICTIONARIES.en })) expect(v.trim(), k).not.toBe('');
  });
});
