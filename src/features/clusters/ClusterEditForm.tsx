import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import {
  AREA_FIELDS,
  BOOLEAN_FIELDS,
  COUNT_FIELDS,
  DATE_FIELDS,
  FIELD_LABELS,
  changedFields,
  pickRecord,
  type ClusterField,
  type ClusterRecord,
} from '../../core/clusters/record';
import { CLUSTER_STATUSES } from '../../core/clusters/status';
import { validateClusterRecord, type FieldError } from '../../core/clusters/validate';
import { parseDateInput, todayIso } from '../../core/format/date';
import { formatDate } from '../../core/format/number';
import { parseNumberInput } from '../../core/format/number-input';
import { clustersApi, type ClusterFull, type ClusterFullDetail } from './api';
import { useUnits } from './units';

type NumberField = (typeof AREA_FIELDS)[number] | (typeof COUNT_FIELDS)[number] | 'registered_capital_bn_vnd';
const NUMBER_FIELDS: readonly NumberField[] = [...AREA_FIELDS, 'registered_capital_bn_vnd', ...COUNT_FIELDS];
type DateField = (typeof DATE_FIELDS)[number];
type Texts = Record<NumberField | DateField | 'industries', string>;

const isNumberField = (f: ClusterField): f is NumberField => (NUMBER_FIELDS as readonly string[]).includes(f);

export interface ClusterEditFormProps {
  cluster: ClusterFull;
  onSaved: (d: ClusterFullDetail) => void;
  onCancel: () => void;
}

/**
 * The edit form of a cluster record. Checked with the same rules as the server
 * (src/core/clusters/validate.ts): each problem is shown at its field and named in the summary;
 * nothing is sent while one remains. A stale version (someone else saved first) is reported.
 */
export function ClusterEditForm({ cluster, onSaved, onCancel }: ClusterEditFormProps) {
  const { t, locale } = useI18n();
  const units = useUnits();
  const original = useMemo(() => pickRecord(cluster as unknown as Record<string, unknown>), [cluster]);
  const [rec, setRec] = useState<ClusterRecord>(original);
  const [texts, setTexts] = useState<Texts>(() => ({
    ...(Object.fromEntries(NUMBER_FIELDS.map((f) => [f, original[f] === null ? '' : String(original[f]).replace('.', locale === 'vi' ? ',' : '.')])) as Record<NumberField, string>),
    ...(Object.fromEntries(DATE_FIELDS.map((f) => [f, original[f] ? formatDate(original[f]) : ''])) as Record<DateField, string>),
    industries: original.industries.join('; '),
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const summary = useRef<HTMLDivElement>(null);
  // A refused save brings the list of problems into view.
  useEffect(() => {
    if (errors.length || serverError) summary.current?.scrollIntoView({ block: 'start' });
  }, [errors, serverError]);
  const label = (f: ClusterField) => FIELD_LABELS[f][locale];
  const errorOf = (f: ClusterField) => errors.find((e) => e.field === f);

  /** The record as typed: numbers and dates parsed (an unreadable date is kept as typed, so it is refused). */
  const typed = (): ClusterRecord => {
    const r: ClusterRecord = { ...rec };
    const w = r as unknown as Record<string, unknown>;
    for (const f of NUMBER_FIELDS) w[f] = parseNumberInput(texts[f], locale);
    for (const f of DATE_FIELDS) {
      const iso = parseDateInput(texts[f]);
      w[f] = iso === undefined ? texts[f].trim() : iso;
    }
    r.industries = texts.industries.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);
    r.investor_name = r.investor_name?.trim() || null;
    r.notes = r.notes?.trim() || null;
    return r;
  };

  const save = async () => {
    setServerError(undefined);
    const next = typed();
    const problems = validateClusterRecord(next, todayIso());
    setErrors(problems);
    if (problems.length) return;
    const changed = changedFields(original, next);
    if (changed.length === 0) return onCancel();
    setBusy(true);
    try {
      onSaved(await clustersApi.patch(cluster.id, cluster.version, Object.fromEntries(changed.map((f) => [f, next[f]]))));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setServerError(t('edit.conflict'));
      else if (e instanceof ApiError && Array.isArray((e.details as { errors?: FieldError[] })?.errors)) {
        setErrors((e.details as { errors: FieldError[] }).errors);
      } else setServerError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (f: ClusterField) => {
    const e = errorOf(f);
    return e ? (
      <span className="field-error" role="alert" id={`err-${f}`}>
        {e[locale]}
      </span>
    ) : null;
  };
  const textInput = (f: NumberField | DateField | 'industries', placeholder?: string) => (
    <label className={errorOf(f) ? 'field invalid' : 'field'} key={f}>
      <span>{label(f)}</span>
      <input
        name={f}
        value={texts[f]}
        placeholder={placeholder}
        inputMode={isNumberField(f) ? 'decimal' : undefined}
        aria-invalid={!!errorOf(f)}
        aria-describedby={errorOf(f) ? `err-${f}` : undefined}
        onChange={(e) => setTexts({ ...texts, [f]: e.target.value })}
      />
      {fieldError(f)}
    </label>
  );
  const checkbox = (f: (typeof BOOLEAN_FIELDS)[number]) => (
    <label className={errorOf(f) ? 'check invalid' : 'check'} key={f}>
      <input type="checkbox" name={f} checked={rec[f]} onChange={(e) => setRec({ ...rec, [f]: e.target.checked })} />
      {label(f)}
      {fieldError(f)}
    </label>
  );
  const district = rec.district_code_at_decision;
  const communeOptions = (units?.commune ?? []).filter(
    (c) => c.parent_code === district || rec.commune_codes_at_decision.includes(c.code) || rec.commune_codes_current.includes(c.code),
  );
  const communeSelect = (f: 'commune_codes_at_decision' | 'commune_codes_current') => (
    <label className={errorOf(f) ? 'field invalid' : 'field'}>
      <span>{label(f)}</span>
      <select
        multiple
        name={f}
        size={Math.min(5, Math.max(2, communeOptions.length))}
        value={rec[f]}
        onChange={(e) => setRec({ ...rec, [f]: [...e.target.selectedOptions].map((o) => o.value) })}
      >
        {communeOptions.map((c) => (
          <option key={c.code} value={c.code}>
            {c.full_name}
          </option>
        ))}
      </select>
      {fieldError(f)}
    </label>
  );

  return (
    <form className="edit-form" data-testid="cluster-edit" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <div ref={summary} />
      {errors.length > 0 && (
        <div className="error" role="alert" data-testid="edit-errors">
          <strong>{t('edit.refused')}</strong>
          <ul>
            {errors.map((e) => (
              <li key={e.field + e.code}>{e[locale]}</li>
            ))}
          </ul>
        </div>
      )}
      {serverError && (
        <p className="error" role="alert">
          {serverError}
        </p>
      )}
      <fieldset>
        <legend>{t('edit.general')}</legend>
        <label className={errorOf('name') ? 'field invalid' : 'field'}>
          <span>{label('name')}</span>
          <input name="name" value={rec.name} onChange={(e) => setRec({ ...rec, name: e.target.value })} />
          {fieldError('name')}
        </label>
        <label className="field">
          <span>{label('status')}</span>
          <select name="status" value={rec.status} onChange={(e) => setRec({ ...rec, status: e.target.value as ClusterRecord['status'] })}>
            {CLUSTER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {checkbox('is_mountainous')}
        {checkbox('is_craft_village')}
        <label className="field">
          <span>{label('investor_name')}</span>
          <input name="investor_name" value={rec.investor_name ?? ''} onChange={(e) => setRec({ ...rec, investor_name: e.target.value })} />
        </label>
        <label className="field">
          <span>{label('investor_type')}</span>
          <select
            name="investor_type"
            value={rec.investor_type ?? ''}
            onChange={(e) => setRec({ ...rec, investor_type: (e.target.value || null) as ClusterRecord['investor_type'] })}
          >
            <option value="">{t('investor.none')}</option>
            <option value="enterprise">{t('investor.enterprise')}</option>
            <option value="state">{t('investor.state')}</option>
          </select>
        </label>
        {textInput('industries', t('edit.industriesHint'))}
      </fieldset>
      <fieldset>
        <legend>{t('edit.land')}</legend>
        {AREA_FIELDS.map((f) => textInput(f, '0,00'))}
      </fieldset>
      <fieldset>
        <legend>{t('edit.activity')}</legend>
        {(['projects_count', 'fdi_projects_count', 'operating_projects_count', 'registered_capital_bn_vnd', 'workers'] as const).map((f) => textInput(f))}
        {checkbox('wwtp_built')}
        {checkbox('wwtp_compliant')}
      </fieldset>
      <fieldset>
        <legend>{t('edit.location')}</legend>
        <label className={errorOf('district_code_at_decision') ? 'field invalid' : 'field'}>
          <span>{label('district_code_at_decision')}</span>
          <select
            name="district_code_at_decision"
            value={district ?? ''}
            onChange={(e) => setRec({ ...rec, district_code_at_decision: e.target.value || null })}
          >
            <option value="">—</option>
            {(units?.district ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          {fieldError('district_code_at_decision')}
        </label>
        {communeSelect('commune_codes_at_decision')}
        {communeSelect('commune_codes_current')}
      </fieldset>
      <fieldset>
        <legend>{t('edit.dates')}</legend>
        {DATE_FIELDS.map((f) => textInput(f, 'dd/mm/yyyy'))}
        <label className="field">
          <span>{label('notes')}</span>
          <textarea name="notes" rows={2} value={rec.notes ?? ''} onChange={(e) => setRec({ ...rec, notes: e.target.value })} />
        </label>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('edit.saving') : t('edit.save')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
