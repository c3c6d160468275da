import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface UnitName {
  code: string;
  name: string;
  full_name: string;
  parent_code: string | null;
}

let loading: Promise<Record<'district' | 'commune', UnitName[]>> | undefined;

/** Districts and communes (code, names), fetched once per page. */
export function loadUnits(): Promise<Record<'district' | 'commune', UnitName[]>> {
  loading ??= Promise.all([api.adminUnits('district'), api.adminUnits('commune')]).then(([d, c]) => ({
    district: d.features.map((f) => f.properties as unknown as UnitName),
    commune: c.features.map((f) => f.properties as unknown as UnitName),
  }));
  return loading;
}

/** Hook form of loadUnits (undefined until loaded). */
export function useUnits(): Record<'district' | 'commune', UnitName[]> | undefined {
  const [units, setUnits] = useState<Record<'district' | 'commune', UnitName[]>>();
  useEffect(() => {
    let live = true;
    loadUnits().then((u) => live && setUnits(u), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return units;
}
