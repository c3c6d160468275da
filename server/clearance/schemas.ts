/** JSON Schemas of the clearance routes (validation and the OpenAPI document). */
import { OVERDUE_KINDS } from '../../src/core/clearance/deadlines';
import { BLOCKING_FLAGS, PARCEL_ACTIONS, PARCEL_STATUSES } from '../../src/core/clearance/steps';
import { errorSchema, geometrySchema, pointSchema } from '../schemas/geojson.schema';

const nString = { type: ['string', 'null'] } as const;
const nNumber = { type: ['number', 'null'] } as const;
const nDate = { type: ['string', 'null'], format: 'date' } as const;
export const idSchema = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
export const idParams = { type: 'object', required: ['id'], properties: { id: idSchema } } as const;
export const versionSchema = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
export const dateSchema = { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
const landCodeSchema = { type: 'string', pattern: '^[A-Z]{2,4}$', description: 'Land-use code (Circular 08/2024; legacy codes accepted)' } as const;
const money = { type: ['integer', 'null'], minimum: 0, maximum: 1e14, description: 'VND' } as const;

export const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

const item = (props: Record<string, object>, required: string[]) =>
  ({ type: 'object', additionalProperties: false, required, properties: props }) as const;

/** Inventory (src/core/clearance/inventory.ts). */
export const inventorySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    structures: { type: 'array', maxItems: 200, items: item({ kind: { type: 'string', minLength: 1, maxLength: 100 }, quantity: { type: 'number', minimum: 0 }, unit: { type: 'string', enum: ['m2', 'm', 'item'] }, grade: { type: 'string', maxLength: 50 } }, ['kind', 'quantity', 'unit']) },
    trees: { type: 'array', maxItems: 200, items: item({ species: { type: 'string', minLength: 1, maxLength: 100 }, count: { type: 'integer', minimum: 0 }, class: { type: 'string', enum: ['A', 'B', 'C'] } }, ['species', 'count']) },
    crops: { type: 'array', maxItems: 200, items: item({ kind: { type: 'string', minLength: 1, maxLength: 100 }, area_m2: { type: 'number', minimum: 0 } }, ['kind', 'area_m2']) },
    livestock: { type: 'array', maxItems: 200, items: item({ kind: { type: 'string', minLength: 1, maxLength: 100 }, count: { type: 'integer', minimum: 0 } }, ['kind', 'count']) },
    graves: item({ total: { type: 'integer', minimum: 0 }, relocated: { type: 'integer', minimum: 0 }, built: { type: 'integer', minimum: 0 }, earthen: { type: 'integer', minimum: 0 } }, ['total', 'relocated']),
    recorded_on: dateSchema,
  },
} as const;

const deadlinesSchema = {
  type: 'object',
  properties: { earliestRecoveryDecision: { type: 'string' }, noticeExpiry: { type: 'string' }, postingEnd: { type: 'string' }, paymentDue: { type: 'string' } },
} as const;
const overdueSchema = { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: [...OVERDUE_KINDS] }, due: { type: 'string' } } } } as const;

export const eventSchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' }, action: { type: 'string' }, from_status: { type: 'string' }, to_status: { type: 'string' },
    date: { type: 'string' }, decision_no: nString, signatory: nString, amount: nNumber, deposited: { type: ['boolean', 'null'] },
    note: nString, actor: { type: 'string' }, batch_id: nString, parcel_version: { type: 'integer' }, recorded_at: { type: 'string' },
  },
} as const;

/** A parcel's record as GET /api/parcels/:id answers it (no personal data). */
export const parcelPropertiesSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, cluster_id: { type: 'integer' }, cluster_name: { type: 'string' }, commune_code: { type: 'string' },
    commune_name: nString, map_sheet_no: { type: 'string' }, parcel_no: { type: 'string' }, legal_land_code: { type: 'string' },
    current_land_code: nString, planned_land_code: nString, original_land_code: nString, land_group: { type: 'string' },
    cadastral_area_m2: nNumber, area_ha: { type: 'number', description: 'VN-2000 TM-3 plane area, ha' },
    inventory: { type: 'object', additionalProperties: true }, flags: { type: 'array', items: { type: 'string' } }, notes: nString,
    is_synthetic: { type: 'boolean' }, version: { type: 'integer' }, updated_at: { type: 'string' },
    status: { type: 'string', enum: [...PARCEL_STATUSES] }, step: { type: 'integer' }, planned_on: { type: 'string' },
    last_event_date: nDate, notice_date: nDate, inventory_date: nDate, posting_start: nDate, approval_date: nDate,
    publication_date: nDate, payment_date: nDate, recovery_decision_date: nDate, handover_date: nDate,
    compensation_proposed: nNumber, compensation_approved: nNumber, compensation_paid: nNumber,
    deposited: { type: 'boolean' }, compulsory_inventory: { type: 'boolean' }, compulsory_recovery: { type: 'boolean' },
    owner_count: { type: 'integer' }, household_count: { type: 'integer' }, label_point: pointSchema,
    deadlines: deadlinesSchema, overdue: overdueSchema, allowed_actions: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const parcelFeatureSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['Feature'] }, id: { type: 'integer' }, geometry: geometrySchema,
    properties: parcelPropertiesSchema, events: { type: 'array', items: eventSchema },
  },
} as const;

/** A parcel on the map (GET /api/parcels): status as of a date, flags, overdue kinds. */
export const mapParcelPropertiesSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, map_sheet_no: { type: 'string' }, parcel_no: { type: 'string' }, legal_land_code: { type: 'string' },
    current_land_code: nString, status: { type: ['string', 'null'], enum: [...PARCEL_STATUSES, null] }, step: { type: ['integer', 'null'] },
    flags: { type: 'array', items: { type: 'string' } }, area_ha: { type: 'number' }, household_count: { type: 'integer' },
    graves_total: { type: 'integer' }, graves_relocated: { type: 'integer' }, overdue: { type: 'array', items: { type: 'string' } },
    version: { type: 'integer' }, is_synthetic: { type: 'boolean' }, label_point: pointSchema,
  },
} as const;

export const editableFields = {
  legal_land_code: landCodeSchema,
  current_land_code: { anyOf: [landCodeSchema, { type: 'null' }] },
  planned_land_code: { anyOf: [landCodeSchema, { type: 'null' }] },
  original_land_code: { anyOf: [landCodeSchema, { type: 'null' }] },
  cadastral_area_m2: { type: ['number', 'null'], minimum: 0, maximum: 1e8 },
  inventory: inventorySchema,
  compensation_proposed: money,
  flags: { type: 'array', uniqueItems: true, maxItems: BLOCKING_FLAGS.length, items: { type: 'string', enum: [...BLOCKING_FLAGS] } },
  notes: { type: ['string', 'null'], maxLength: 4000 },
} as const;

export const transitionFields = {
  action: { type: 'string', enum: [...PARCEL_ACTIONS] },
  date: dateSchema,
  decision_no: { type: ['string', 'null'], maxLength: 100 },
  signatory: { type: ['string', 'null'], maxLength: 200 },
  note: { type: ['string', 'null'], maxLength: 2000 },
  amount: money,
  deposited: { type: ['boolean', 'null'] },
} as const;
