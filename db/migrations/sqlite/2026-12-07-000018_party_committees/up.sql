-- Party organizations belong to a party committee (đảng bộ huyện, xã, phường), not to the center
-- that trains their members. The tree holds them under their committee; the center that serves
-- them is their center_id, and its path their service_path. A caller reaches an organization
-- through either path: the committee sees its organizations, the center the ones it serves.
-- Every other organization is served from where it is (service_path = path). A change event
-- carries both paths of the organization that owns its record, so the feed follows GET.
ALTER TABLE organizations ADD COLUMN service_path TEXT NOT NULL DEFAULT '';
UPDATE organizations SET service_path = path;
CREATE INDEX organizations_service_path ON organizations (service_path);
ALTER TABLE change_events ADD COLUMN service_path TEXT;

-- Each center with party organizations directly under it, and the unit whose committee takes
-- them: the unit hosting the center (a district or commune), or the province when the center
-- sits elsewhere (the school, a branch).
CREATE TABLE migration_000018_hosts AS
SELECT c.id AS center_id, c.path AS center_path,
       CASE WHEN (SELECT p.kind FROM organizations p WHERE p.id = c.parent_id) IN ('district', 'commune')
            THEN c.parent_id
            ELSE substr(c.path, 2, 36)
       END AS host_id
FROM organizations c
WHERE c.kind = 'center'
  AND EXISTS (SELECT 1 FROM organizations o WHERE o.parent_id = c.id AND o.kind = 'party_organization');

-- A host without a party committee gets one, named and coded after it (so that a province file
-- listing the committee finds it), served by the center. The note marks it for down.sql.
INSERT INTO organizations (id, kind, subkind, parent_id, center_id, path, service_path, code, name,
                           search_text, valid_from, valid_to, note, external_id, version,
                           created_at, updated_at)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
           || substr(lower(hex(randomblob(2))), 2) || '-'
           || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
           || '-' || lower(hex(randomblob(6))),
       'party_committee', NULL, h.id, m.center_id, '', m.center_path,
       CASE WHEN h.kind IN ('district', 'commune') THEN h.code END,
       'Đảng bộ ' || lower(substr(h.name, 1, 1)) || substr(h.name, 2),
       'dang bo ' || h.search_text, NULL, NULL,
       'migration 2026-12-07-000018: the committee of the party organizations of center ' || m.center_id,
       NULL, 1, h.created_at, h.created_at
FROM migration_000018_hosts m
JOIN organizations h ON h.id = m.host_id
WHERE NOT EXISTS (SELECT 1 FROM organizations k
                  WHERE k.kind = 'party_committee' AND k.parent_id = m.host_id);
UPDATE organizations
SET path = (SELECT h.path FROM organizations h WHERE h.id = organizations.parent_id) || id || '/'
WHERE kind = 'party_committee' AND path = '';
INSERT INTO organization_periods (organization_id, valid_from, name, kind, subkind, parent_id, recorded_at)
SELECT id, '1945-01-01', name, kind, NULL, parent_id, created_at
FROM organizations
WHERE kind = 'party_committee' AND note LIKE 'migration 2026-12-07-000018:%';

-- Which committee each center's party organizations join: the one it serves, else the host's first.
CREATE TABLE migration_000018_committees AS
SELECT m.center_id, m.center_path,
       (SELECT k.id FROM organizations k
        WHERE k.kind = 'party_committee' AND k.parent_id = m.host_id
        ORDER BY CASE WHEN k.center_id = m.center_id THEN 0 ELSE 1 END, k.created_at, k.id
        LIMIT 1) AS committee_id
FROM migration_000018_hosts m;

-- The party organizations (and their own subtrees) move under that committee; the center still
-- serves them.
UPDATE organizations
SET service_path = (SELECT c.path FROM organizations c WHERE c.id = organizations.center_id)
WHERE kind = 'party_organization';
UPDATE organizations
SET path = (SELECT k.path FROM migration_000018_committees x JOIN organizations k ON k.id = x.committee_id
            WHERE x.center_id = organizations.center_id)
           || substr(path, length(service_path) + 1)
WHERE kind = 'party_organization' AND path LIKE service_path || '_%'
  AND center_id IN (SELECT center_id FROM migration_000018_committees);
UPDATE organizations
SET parent_id = (SELECT x.committee_id FROM migration_000018_committees x
                 WHERE x.center_id = organizations.center_id)
WHERE kind = 'party_organization' AND parent_id = center_id;
UPDATE organization_periods
SET parent_id = (SELECT o.parent_id FROM organizations o WHERE o.id = organization_periods.organization_id)
WHERE organization_id IN (SELECT id FROM organizations WHERE kind = 'party_organization')
  AND parent_id IN (SELECT id FROM organizations WHERE kind = 'center');

-- Their change events (party organizations, learners, nominations, results, certificates) follow:
-- recorded under the committee, served from the center.
UPDATE change_events
SET service_path = (SELECT x.center_path FROM migration_000018_committees x
                    WHERE change_events.scope_path LIKE x.center_path || '_%')
WHERE EXISTS (SELECT 1 FROM migration_000018_committees x
              WHERE change_events.scope_path LIKE x.center_path || '_%');
UPDATE change_events
SET scope_path = (SELECT k.path FROM migration_000018_committees x JOIN organizations k ON k.id = x.committee_id
                  WHERE x.center_path = change_events.service_path)
                 || substr(scope_path, length(service_path) + 1)
WHERE service_path IS NOT NULL;

DROP TABLE migration_000018_committees;
DROP TABLE migration_000018_hosts;
