import type { ComponentType } from 'react';
import { ClustersTab, SelectedClusterPanel } from '../features/clusters/ClustersTab';

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
];
