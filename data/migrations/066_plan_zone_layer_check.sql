-- Bulk import at scale (issue 8): the foreign key plan_zones.layer_id → plan_layers(id) checked
-- every row on its own (one locked lookup a row: ~0,8 s of a 10^5-zone import). The same rule,
-- checked once per statement: the layers a statement writes are locked as the foreign key would
-- (FOR KEY SHARE) and must exist; deleting a layer deletes its zones (ON DELETE CASCADE, as
-- before); a layer's id cannot change while zones refer to it.
ALTER TABLE plan_zones DROP CONSTRAINT plan_zones_layer_id_fkey;

CREATE FUNCTION derived.plan_zones_layer_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  layers text[];
  missing text;
BEGIN
  SELECT array_agg(DISTINCT n.layer_id) INTO layers FROM new_rows n;
  PERFORM 1 FROM plan_layers l WHERE l.id = ANY (layers) FOR KEY SHARE;
  SELECT x INTO missing FROM unnest(layers) AS x
  WHERE NOT EXISTS (SELECT 1 FROM plan_layers l WHERE l.id = x) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'plan layer "%" does not exist', missing
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'plan_zones_layer_id_fkey',
            DETAIL = format('Key (layer_id)=(%s) is not present in table "plan_layers".', missing);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER plan_zones_layer_exists_ins AFTER INSERT ON plan_zones
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_layer_exists();
CREATE TRIGGER plan_zones_layer_exists_upd AFTER UPDATE ON plan_zones
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_zones_layer_exists();

CREATE FUNCTION derived.plan_layers_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM plan_zones z USING old_rows o WHERE z.layer_id = o.id;
  RETURN NULL;
END $$;

CREATE FUNCTION derived.plan_layers_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone text;
BEGIN
  SELECT o.id INTO gone FROM old_rows o
  WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.id = o.id)
    AND EXISTS (SELECT 1 FROM plan_zones z WHERE z.layer_id = o.id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'plan layer "%" still has zones', gone
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'plan_zones_layer_id_fkey';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER plan_layers_cascade AFTER DELETE ON plan_layers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_layers_deleted();
CREATE TRIGGER plan_layers_keep_referenced AFTER UPDATE ON plan_layers
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION derived.plan_layers_renamed();
