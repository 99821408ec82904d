-- Back to party organizations under their center: every party organization (and its change
-- events) leaves its committee for the center that serves it; the committees this migration made
-- are removed. Committees recorded since stay, without party organizations.
UPDATE change_events
SET scope_path = service_path
                 || substr(scope_path, length((SELECT k.path FROM organizations k
                                               WHERE k.kind = 'party_committee'
                                                 AND change_events.scope_path LIKE k.path || '_%')) + 1)
WHERE service_path IS NOT NULL AND service_path <> scope_path
  AND EXISTS (SELECT 1 FROM organizations k
              WHERE k.kind = 'party_committee' AND change_events.scope_path LIKE k.path || '_%');
UPDATE organizations
SET path = service_path
           || substr(path, length((SELECT k.path FROM organizations k
                                   WHERE k.kind = 'party_committee'
                                     AND organizations.path LIKE k.path || '_%')) + 1)
WHERE kind = 'party_organization'
  AND EXISTS (SELECT 1 FROM organizations k
              WHERE k.kind = 'party_committee' AND organizations.path LIKE k.path || '_%');
UPDATE organization_periods
SET parent_id = (SELECT o.center_id FROM organizations o WHERE o.id = organization_periods.organization_id)
WHERE parent_id IN (SELECT id FROM organizations WHERE kind = 'party_committee')
  AND organization_id IN (SELECT id FROM organizations WHERE kind = 'party_organization');
UPDATE organizations SET parent_id = center_id
WHERE kind = 'party_organization'
  AND parent_id IN (SELECT id FROM organizations WHERE kind = 'party_committee');
DELETE FROM organization_periods
WHERE organization_id IN (SELECT id FROM organizations
                          WHERE kind = 'party_committee' AND note LIKE 'migration 2026-12-07-000018:%');
DELETE FROM organizations
WHERE kind = 'party_committee' AND note LIKE 'migration 2026-12-07-000018:%';
ALTER TABLE change_events DROP COLUMN service_path;
DROP INDEX organizations_service_path;
ALTER TABLE organizations DROP COLUMN service_path;
