import { describe, expect, it } from 'vitest';
import { LAYER_REGISTRY } from '../../../layers';
import { DICTIONARIES } from '../../app/i18n';
import { defaultSettings, groupOf, moveWithinGroup } from './store';

describe('layer registry and panel', () => {
  it('every layer title and legend row has a label in Vietnamese and English', () => {
    for (const l of LAYER_REGISTRY) {
      for (const key of [l.titleKey, ...l.legend.map((r) => r.labelKey)]) {
        expect(DICTIONARIES.vi[key], `${l.id}: ${key} (vi)`).toBeDefined();
        expect(DICTIONARIES.en[key], `${l.id}: ${key} (en)`).toBeDefined();
      }
    }
  });

  it('plan layers are grouped as the provincial plan and point at a plan_layers id', () => {
    const plan = LAYER_REGISTRY.filter((l) => groupOf(l) === 'plan');
    expect(plan.map((l) => l.planLayerId)).toEqual(['land_use', 'forest', 'industrial', 'corridors', 'relics']);
    expect(groupOf(LAYER_REGISTRY.find((l) => l.id === 'province')!)).toBe('base');
  });

  it('moves a layer only past layers of its own group', () => {
    const g = (id: string) => (id.startsWith('p') ? 'plan' : 'base');
    expect(moveWithinGroup(['p1', 'b1', 'p2'], 'p1', 'up', g)).toEqual(['p2', 'b1', 'p1']);
    expect(moveWithinGroup(['p1', 'b1', 'p2'], 'p2', 'up', g)).toEqual(['p1', 'b1', 'p2']);
    expect(moveWithinGroup(['p1', 'b1', 'p2'], 'p2', 'down', g)).toEqual(['p2', 'b1', 'p1']);
  });

  it('shows every layer by default, in registry order', () => {
    const d = defaultSettings();
    expect(d.order).toEqual(LAYER_REGISTRY.map((l) => l.id));
    expect(Object.values(d.visible).every(Boolean)).toBe(true);
  });
});
