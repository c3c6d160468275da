import { useEffect } from 'react';
import './drawing.css';
import { DrawTools } from './DrawTools';
import { startEngine } from './engine';
import { ImportPanel } from './ImportPanel';
import { MarkerTable } from './MarkerTable';
import { SavePanel } from './SavePanel';
import { loadZoneDetector, useDrawing } from './store';
import { useEngine } from './engine';

/** Sidebar tab "Vẽ / Nhập ranh giới": draw, type or import a boundary; save or export it. */
export function DrawingTab() {
  useEffect(() => {
    void loadZoneDetector().then(() => startEngine());
    return () => {
      // Leaving the tab ends any drawing gesture; the boundary stays on the map.
      useEngine.getState().engine?.idle();
      useDrawing.getState().setMode('idle');
    };
  }, []);
  return (
    <div className="drawing-tab" data-testid="drawing-tab">
      <DrawTools />
      <MarkerTable />
      <ImportPanel />
      <SavePanel />
    </div>
  );
}
