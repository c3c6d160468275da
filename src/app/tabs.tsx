import type { ComponentType } from 'react';
import { ClustersTab, SelectedClusterPanel } from '../features/clusters/ClustersTab';
import { DrawingTab } from '../features/drawing/DrawingTab';
import { LayerPanel } from '../features/layers/LayerPanel';
import { ConflictsTab } from '../features/conflicts/ConflictsTab';
import { PlotsOverlay } from '../features/plots/PlotsOverlay';
import { PlotsTab } from '../features/plots/PlotsTab';
import { ClearanceTab } from '../features/clearance/ClearanceTab';
import { ParcelPanel } from '../features/clearance/ParcelPanel';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DashboardTab } from '../features/dashboard/DashboardTab';

/**
 * A sidebar tab: its label, what it shows in the sidebar, and an optional
 * overlay (a panel over the map) rendered whichever tab is active.
 */
export interface SidebarTab {
  id: string;
  labelKey: string;
  Sidebar: ComponentType;
  Overlay?: ComponentType;
}

/** The tabs, in order. Add one entry per feature. */
export const TABS: readonly SidebarTab[] = [
  { id: 'clusters', labelKey: 'tab.clusters', Sidebar: ClustersTab, Overlay: SelectedClusterPanel },
  { id: 'layers', labelKey: 'tab.layers', Sidebar: LayerPanel },
  { id: 'drawing', labelKey: 'tab.drawing', Sidebar: DrawingTab },
  { id: 'plots', labelKey: 'tab.plots', Sidebar: PlotsTab, Overlay: PlotsOverlay },
  { id: 'gpmb', labelKey: 'tab.gpmb', Sidebar: ClearanceTab, Overlay: ParcelPanel },
  { id: 'conflicts', labelKey: 'tab.conflicts', Sidebar: ConflictsTab },
  { id: 'dashboard', labelKey: 'tab.dashboard', Sidebar: DashboardTab, Overlay: DashboardPage },
];
