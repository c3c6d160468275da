import { authMessages } from '../features/auth/messages';
import { clearanceMessages } from '../features/clearance/messages';
import { clusterMessages } from '../features/clusters/messages';
import { conflictMessages } from '../features/conflicts/messages';
import { dashboardMessages } from '../features/dashboard/messages';
import { drawingMessages } from '../features/drawing/messages';
import { layerMessages } from '../features/layers/messages';
import { plotMessages } from '../features/plots/messages';
import type { Messages } from './i18n';

/** Every feature's dictionaries. Add one line per feature. */
export const FEATURE_MESSAGES: readonly Messages[] = [clusterMessages, layerMessages, plotMessages, clearanceMessages, dashboardMessages, conflictMessages, drawingMessages, authMessages];
