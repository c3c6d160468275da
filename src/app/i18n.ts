import { useMemo } from 'react';
import type { Locale } from '../core/format/number';
import { FEATURE_MESSAGES } from './messages';
import { useApp } from './store';

/** A feature's dictionaries; Vietnamese is the default, English must have the same keys. */
export type Messages = Record<Locale, Record<string, string>>;

const appMessages: Messages = {
  vi: {
    'app.title': 'Bản đồ cụm công nghiệp',
    'app.province': 'Tỉnh Lạng Sơn',
    'app.loading': 'Đang tải dữ liệu…',
    'app.loadError': 'Không tải được dữ liệu',
    'lang.switch': 'English',
    'layer.neighbours': 'Các tỉnh lân cận',
    'layer.province': 'Ranh giới tỉnh',
    'layer.communes': 'Ranh giới xã',
    'layer.districts': 'Ranh giới huyện (cũ)',
    'layer.clusters': 'Cụm công nghiệp',
    'legend.provinceBoundary': 'Ranh giới tỉnh',
    'legend.districtBoundary': 'Ranh giới huyện (trước 01/07/2025)',
    'legend.communeBoundary': 'Ranh giới xã',
  },
  en: {
    'app.title': 'Industrial cluster map',
    'app.province': 'Lạng Sơn province',
    'app.loading': 'Loading data…',
    'app.loadError': 'Could not load data',
    'lang.switch': 'Tiếng Việt',
    'layer.neighbours': 'Neighbouring provinces',
    'layer.province': 'Province boundary',
    'layer.communes': 'Commune boundaries',
    'layer.districts': 'District boundaries (legacy)',
    'layer.clusters': 'Industrial clusters',
    'legend.provinceBoundary': 'Province boundary',
    'legend.districtBoundary': 'District boundary (before 01/07/2025)',
    'legend.communeBoundary': 'Commune boundary',
  },
};

/** All dictionaries merged: the app's and every feature's (src/app/messages.ts). */
export const DICTIONARIES: Messages = {
  vi: Object.assign({}, appMessages.vi, ...FEATURE_MESSAGES.map((m) => m.vi)),
  en: Object.assign({}, appMessages.en, ...FEATURE_MESSAGES.map((m) => m.en)),
};

export type Translate = (key: string) => string;

export function translator(locale: Locale): Translate {
  const d = DICTIONARIES[locale];
  return (key) => d[key] ?? key;
}

/** The current locale and its translate function. */
export function useI18n(): { locale: Locale; t: Translate } {
  const locale = useApp((s) => s.locale);
  return useMemo(() => ({ locale, t: translator(locale) }), [locale]);
}
