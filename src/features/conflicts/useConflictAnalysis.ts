import type { MultiPolygon, Polygon } from 'geojson';
import { useEffect, useMemo, useRef } from 'react';
import { useApp } from '../../app/store';
import { useClusters } from '../clusters/store';
import { analysisApi, type ConflictOptions, type Subject } from './api';
import { LiveOverlapEngine } from './live';
import { useConflicts, type ConflictSubject } from './store';

/** One engine for the page: its features stay loaded while the planner works in the area. */
const engine = new LiveOverlapEngine(() => useConflicts.getState().server?.result.layers.map((l) => l.id) ?? ['land_use', 'forest', 'corridors', 'industrial', 'relics']);

let draftSeq = 0;
const draftKeys = new WeakMap<object, string>();
const keyOfDraft = (g: Polygon | MultiPolygon) => {
  let k = draftKeys.get(g);
  if (!k) draftKeys.set(g, (k = `draft:${++draftSeq}`));
  return k;
};

/** The subject of the check: the selected cluster, or the boundary being drawn. */
export function useConflictSubject(): ConflictSubject | undefined {
  const mode = useConflicts((s) => s.mode);
  const draft = useApp((s) => s.draft);
  const selectedId = useApp((s) => s.selectedClusterId);
  const clusters = useClusters((s) => s.clusters);
  const draftOf = useConflicts((s) => s.draftOf);
  return useMemo(() => {
    if (mode === 'draft' && draft) {
      const redraws = draftOf?.geometry === draft.geometry ? { clusterId: draftOf.clusterId, name: draftOf.name } : undefined;
      return { key: keyOfDraft(draft.geometry), kind: 'draft', name: draft.name ?? null, geometry: draft.geometry, redraws };
    }
    const f = clusters?.features.find((c) => c.properties.id === selectedId);
    if (!f?.geometry) return undefined;
    return { key: `cluster:${f.properties.id}`, kind: 'cluster', clusterId: f.properties.id, name: f.properties.name, geometry: f.geometry };
  }, [mode, draft, selectedId, clusters, draftOf]);
}

export function subjectPayload(s: ConflictSubject): Subject {
  return s.kind === 'cluster' ? { clusterId: s.clusterId! } : { geometry: s.geometry, ...(s.name ? { name: s.name } : {}) };
}

export function serverOptions(subject?: ConflictSubject): ConflictOptions {
  const o = useConflicts.getState().options;
  return {
    ...(subject?.redraws ? { excludeClusterId: subject.redraws.clusterId } : {}),
    date: o.date,
    kind: o.kind,
    ...(o.mountainous !== undefined ? { mountainous: o.mountainous } : {}),
    ...(o.craftVillage !== undefined ? { craftVillage: o.craftVillage } : {}),
  };
}

/**
 * Runs the check for the subject: the browser's estimate at once (and at every vertex
 * move, one per animation frame), the server's answer after a short pause (debounced for
 * a boundary being drawn), the latest request winning.
 */
export function useConflictAnalysis(subject: ConflictSubject | undefined): void {
  const options = useConflicts((s) => s.options);
  const frame = useRef<number | undefined>(undefined);

  // Local estimate, coalesced to one computation per animation frame; the overlap shapes
  // for the map once the boundary has rested for a moment.
  useEffect(() => {
    if (!subject) return;
    let cancelled = false;
    let shapes: ReturnType<typeof setTimeout> | undefined;
    const own = subject.kind === 'cluster' ? { clusterId: subject.clusterId, name: subject.name ?? undefined } : subject.redraws ? { clusterId: subject.redraws.clusterId, name: subject.redraws.name ?? undefined } : undefined;
    const run = () => {
      frame.current = undefined;
      const t0 = performance.now();
      const table = engine.compute(subject.geometry, own);
      useConflicts.getState().set({ local: { key: subject.key, table, features: engine.featureCount, ms: performance.now() - t0 } });
      shapes = setTimeout(() => {
        if (cancelled) return;
        const withShapes = engine.compute(subject.geometry, own, true);
        const cur = useConflicts.getState().local;
        if (cur?.key === subject.key) useConflicts.getState().set({ local: { ...cur, table: withShapes } });
      }, 350);
    };
    const schedule = () => {
      if (cancelled) return;
      if (frame.current === undefined) frame.current = requestAnimationFrame(run);
    };
    if (engine.covers(subject.geometry)) schedule();
    else engine.ensure(subject.geometry).then(schedule, (e: Error) => useConflicts.getState().set({ error: e.message }));
    return () => {
      cancelled = true;
      clearTimeout(shapes);
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
    };
  }, [subject]);

  // Server result, debounced while drawing; stale answers are dropped.
  useEffect(() => {
    if (!subject) return;
    const ctrl = new AbortController();
    const timer = setTimeout(
      () => {
        useConflicts.getState().set({ loading: true, error: undefined });
        analysisApi
          .conflicts(subjectPayload(subject), serverOptions(subject), ctrl.signal)
          .then((result) => useConflicts.getState().set({ server: { key: subject.key, result }, loading: false }))
          .catch((e: Error) => {
            if (!ctrl.signal.aborted) useConflicts.getState().set({ error: e.message, loading: false });
          });
      },
      subject.kind === 'draft' ? 600 : 0,
    );
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [subject, options]);
}
