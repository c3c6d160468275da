import { useEffect } from 'react';
import { getMapController } from '../map/instance';
import { useApp } from './store';
import { formatUrlState, parseUrlState, type UrlState } from './url-state';

/**
 * Keeps the map view and the selected cluster in the URL hash, so a shared link reopens
 * them: read once at start, then rewritten (replaceState) after each pan/zoom or selection.
 */
export function useUrlSync(): void {
  useEffect(() => {
    const initial = parseUrlState(window.location.hash);
    const controller = getMapController();
    if (initial.view) controller?.setView(initial.view);
    if (initial.clusterId !== undefined) useApp.getState().selectCluster(initial.clusterId);
    let state: UrlState = { ...initial };
    const write = () => {
      const hash = formatUrlState(state);
      if (hash !== window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
    };
    const offView = controller?.onViewChange((view) => {
      state = { ...state, view };
      write();
    });
    const offSel = useApp.subscribe((s, prev) => {
      if (s.selectedClusterId === prev.selectedClusterId) return;
      state = { ...state, clusterId: s.selectedClusterId };
      write();
    });
    return () => {
      offView?.();
      offSel();
    };
  }, []);
}
