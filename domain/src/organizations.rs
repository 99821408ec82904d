//! The organization tree, as a province shapes it over time: province → school (and branches),
//! district-level and commune-level units → the centers they host → party committees and party
//! organizations (the table [`PARENT_KINDS`]). Earlier shape: province → districts → one center each →
//! party organizations. The tree is data; nothing assumes a single province.

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as stored and sent on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value's Vietnamese label, for people: exports, printed documents, the
            /// dashboard (`GET /labels`). The wire keeps the code.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }

        impl crate::labels::Labelled for $name {
            const NAME: &'static str = stringify!($name);
            const LABELS: &'static [(&'static str, &'static str)] = &[$(($text, $label)),+];
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        // Rows read the stored text straight into the enum (`#[diesel(deserialize_as = String)]`).
        impl TryFrom<String> for $name {
            type Error = crate::organizations::UnknownValue;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        // Surfaced as a string `enum` in the OpenAPI document.
        #[cfg(feature = "openapi")]
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($text),+]))
                    // Each value's Vietnamese label: in words for people, and as
                    // `x-enum-descriptions` (read by openapi-generator and Redocly) for tools.
                    .description(Some(crate::labels::describe(&[$(($text, $label)),+])))
                    .extensions(Some(
                        utoipa::openapi::extensions::ExtensionsBuilder::new()
                            .add("x-enum-descriptions", serde_json::json!([$($label),+]))
                            .build(),
                    ))
                    .into()
            }
        }

        #[cfg(feature = "openapi")]
        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }

        impl std::str::FromStr for $name {
            type Err = crate::organizations::UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(crate::organizations::UnknownValue {
                        allowed: vec![$($text),+],
                    }),
                }
            }
        }
    };
}
pub(crate) use string_enum;

/// A value outside an enumeration; carries the allowed values for the error message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be one of: {}", allowed.join(", "))]
pub struct UnknownValue {
    pub allowed: Vec<&'static str>,
}

string_enum! {
    /// What kind of node of the tree an organization is.
    OrganizationKind {
        /// Tỉnh: the tenant.
        Province => "province" / "Tỉnh",
        /// Trường Chính trị tỉnh.
        ProvincialSchool => "provincial_school" / "Trường Chính trị tỉnh",
        /// Phân hiệu / cơ sở của Trường Chính trị: a branch of the school (after 2025, where a
        /// province gave it the district centers' work).
        SchoolBranch => "school_branch" / "Phân hiệu của Trường",
        /// Đơn vị hành chính cấp huyện (until 30 June 2025): city, town or district (`subkind`).
        District => "district" / "Đơn vị hành chính cấp huyện",
        /// Đơn vị hành chính cấp xã: commune or ward (`subkind`).
        Commune => "commune" / "Đơn vị hành chính cấp xã",
        /// Trung tâm chính trị: hosted by a district-level unit (until 2025), the school, a
        /// branch or a commune-level unit.
        Center => "center" / "Trung tâm Chính trị",
        /// Đảng bộ: the party committee of a unit (district, commune or ward), to which
        /// grassroots party organizations belong.
        PartyCommittee => "party_committee" / "Đảng bộ",
        /// Tổ chức cơ sở đảng, chi bộ, đảng ủy.
        PartyOrganization => "party_organization" / "Tổ chức cơ sở đảng",
    }
}

string_enum! {
    /// The three kinds of district-level unit.
    DistrictKind {
        /// Thành phố thuộc tỉnh.
        City => "city" / "Thành phố",
        /// Thị xã.
        Town => "town" / "Thị xã",
        /// Huyện.
        District => "district" / "Huyện",
    }
}

string_enum! {
    /// Kinds of party organization.
    PartyOrganizationKind {
        /// Chi bộ: a party cell (the default).
        PartyCell => "party_cell" / "Chi bộ",
        /// Chi bộ cơ sở: a grassroots party cell.
        GrassrootsCell => "grassroots_cell" / "Chi bộ cơ sở",
        /// Đảng bộ cơ sở / đảng ủy cơ sở: a grassroots party committee.
        GrassrootsCommittee => "grassroots_committee" / "Đảng bộ cơ sở",
    }
}

string_enum! {
    /// The two kinds of commune-level unit.
    CommuneKind {
        /// Xã.
        Commune => "commune" / "Xã",
        /// Phường.
        Ward => "ward" / "Phường",
    }
}

/// Which kinds may hold which: `(child, parents)`. The tree's shape is this table, read by
/// every write of the tree (create, move); nothing else decides it.
pub const PARENT_KINDS: &[(OrganizationKind, &[OrganizationKind])] = {
    use OrganizationKind::*;
    &[
        (Province, &[]),
        (ProvincialSchool, &[Province]),
        (SchoolBranch, &[ProvincialSchool]),
        (District, &[Province]),
        // Under a district until the district level ended (1 July 2025), under the province since.
        (Commune, &[District, Province]),
        (Center, &[District, ProvincialSchool, SchoolBranch, Commune]),
        (PartyCommittee, &[Province, District, Commune]),
        // Under its party committee (or an enclosing party organization), not under the center
        // that serves it: that is its `center_id`.
        (PartyOrganization, &[PartyCommittee, PartyOrganization]),
    ]
};

impl OrganizationKind {
    /// Whether this kind is a unit of the province's tree (loaded from a province file and
    /// administered by the province), as opposed to a party organization, the centers' own data.
    pub fn is_tree_unit(self) -> bool {
        self != OrganizationKind::PartyOrganization
    }

    /// Which kinds may be the parent of this kind ([`PARENT_KINDS`]).
    pub fn allowed_parents(self) -> &'static [OrganizationKind] {
        PARENT_KINDS
            .iter()
            .find(|(kind, _)| *kind == self)
            .map_or(&[], |(_, parents)| parents)
    }

    /// The subkinds this kind takes, if it has any: a district-level unit is a city, town or
    /// district; a commune-level unit a commune or ward.
    pub fn subkinds(self) -> Option<&'static [&'static str]> {
        match self {
            OrganizationKind::District => Some(&["city", "town", "district"]),
            OrganizationKind::Commune => Some(&["commune", "ward"]),
            _ => None,
        }
    }
}

/// Why a dated change of the tree is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeChangeError {
    #[error("a {child} cannot be placed under a {parent}; allowed: {allowed}")]
    ParentKind {
        child: OrganizationKind,
        parent: OrganizationKind,
        allowed: String,
    },
    #[error("an organization cannot be moved under itself or its own subtree")]
    Cycle,
    #[error("the change takes effect on {on}, before the latest recorded change ({latest}); record changes in date order")]
    BeforeLatest {
        on: chrono::NaiveDate,
        latest: chrono::NaiveDate,
    },
    #[error(
        "the change takes effect on {on}, after today ({today}); record it when it takes effect"
    )]
    InTheFuture {
        on: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
    #[error("the organization was closed on {closed}")]
    Closed { closed: chrono::NaiveDate },
}

/// Whether `child` may be placed under `parent`.
pub fn check_parent(
    child: OrganizationKind,
    parent: OrganizationKind,
) -> Result<(), TreeChangeError> {
    let allowed = child.allowed_parents();
    if allowed.contains(&parent) {
        Ok(())
    } else {
        Err(TreeChangeError::ParentKind {
            child,
            parent,
            allowed: allowed
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
    }
}

/// Whether moving the node at `path` under the node at `parent_path` keeps the tree a tree
/// (materialized paths: a node's subtree is every path that starts with its own).
pub fn check_no_cycle(path: &str, parent_path: &str) -> Result<(), TreeChangeError> {
    if parent_path.starts_with(path) {
        Err(TreeChangeError::Cycle)
    } else {
        Ok(())
    }
}

/// When a dated change (rename, move, close) may take effect: on or before `today` (the tree
/// and the scopes follow at once), after the latest recorded change (history is appended in
/// date order; a correction of the past is a `PATCH`), and not after the organization closed.
pub fn check_effective_date(
    on: chrono::NaiveDate,
    latest: chrono::NaiveDate,
    closed: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
) -> Result<(), TreeChangeError> {
    if let Some(closed) = closed {
        return Err(TreeChangeError::Closed { closed });
    }
    if on > today {
        return Err(TreeChangeError::InTheFuture { on, today });
    }
    if on < latest {
        return Err(TreeChangeError::BeforeLatest { on, latest });
    }
    Ok(())
}

/// A party organization's code within its center: 1–32 characters after normalization, in upper
/// case — codes are identifiers, so "cb-01" and "CB-01" are one code, not two.
pub fn parse_party_code(raw: &str) -> Option<String> {
    let c = crate::text::normalize(raw).to_uppercase();
    (!c.is_empty() && c.chars().count() <= 32).then_some(c)
}

/// An organization's name: 1–300 characters after NFC normalization.
pub fn parse_org_name(raw: &str) -> Option<String> {
    let n = crate::text::normalize(raw);
    (!n.is_empty() && n.chars().count() <= 300).then_some(n)
}

/// The name of a district's political center: "Trung tâm Chính trị huyện Quảng Xương".
///
/// Inside a name the unit's kind word is written in lower case, as the province writes it.
pub fn center_name(district_name: &str) -> String {
    let unit = crate::text::normalize(district_name);
    let mut chars = unit.chars();
    let unit = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect::<String>(),
        None => unit,
    };
    format!("Trung tâm Chính trị {unit}")
}

/// A unit's dates and its successor, as [`reported_under`] follows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lineage<Id> {
    pub validity: crate::validity::Validity,
    /// The unit it was merged into when it closed.
    pub merged_into: Option<Id>,
}

/// The unit whose figures include `unit`'s on `day` — the tree of that day: `unit` itself while
/// it exists that day; after it closed, the unit it was merged into (and so on along the
/// mergers) if that one exists that day; `None` for a unit not yet created, or closed without a
/// successor in force. A chain longer than 64 mergers (a cycle in bad data) ends in `None`.
pub fn reported_under<Id: Copy + Eq>(
    unit: Id,
    day: chrono::NaiveDate,
    lineage: impl Fn(Id) -> Option<Lineage<Id>>,
) -> Option<Id> {
    let mut current = unit;
    for _ in 0..64 {
        let known = lineage(current)?;
        if known.validity.contains(day) {
            return Some(current);
        }
        let closed_before = known.validity.valid_to.is_some_and(|to| to < day);
        match known.merged_into {
            Some(next) if closed_before => current = next,
            _ => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_reported_under_itself_or_the_unit_it_merged_into_on_that_day() {
        use crate::validity::Validity;
        use chrono::NaiveDate;
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // 1: closed 2024-11-30 into 2; 2: closed 2025-06-30 into 3; 3: from 2025-07-01;
        // 4: closed without a successor; 5 and 6 merged into each other (bad data).
        let lineage = |id: u8| {
            let (from, to, into) = match id {
                1 => (None, Some(d(2024, 11, 30)), Some(2)),
                2 => (None, Some(d(2025, 6, 30)), Some(3)),
                3 => (Some(d(2025, 7, 1)), None, None),
                4 => (None, Some(d(2020, 1, 1)), None),
                5 => (None, Some(d(2020, 1, 1)), Some(6)),
                6 => (None, Some(d(2020, 1, 1)), Some(5)),
                _ => return None,
            };
            Some(Lineage {
                validity: Validity {
                    valid_from: from,
                    valid_to: to,
                },
                merged_into: into,
            })
        };
        assert_eq!(
            reported_under(1, d(2024, 11, 30), lineage),
            Some(1),
            "its last day"
        );
        assert_eq!(
            reported_under(1, d(2024, 12, 1), lineage),
            Some(2),
            "the day after"
        );
        assert_eq!(
            reported_under(1, d(2025, 7, 1), lineage),
            Some(3),
            "two mergers on"
        );
        assert_eq!(
            reported_under(3, d(2025, 6, 30), lineage),
            None,
            "not yet created"
        );
        assert_eq!(
            reported_under(4, d(2021, 1, 1), lineage),
            None,
            "closed, no successor"
        );
        assert_eq!(
            reported_under(5, d(2021, 1, 1), lineage),
            None,
            "a cycle ends"
        );
        assert_eq!(reported_under(9, d(2021, 1, 1), lineage), None, "unknown");
    }

    #[test]
    fn kinds_round_trip() {
        for k in OrganizationKind::ALL {
            assert_eq!(k.as_str().parse::<OrganizationKind>(), Ok(*k));
        }
        let err = "school".parse::<OrganizationKind>().err();
        assert!(err.is_some_and(|e| e.to_string().contains("provincial_school")));
    }

    #[test]
    fn party_codes_ignore_case_and_invisible_characters() {
        assert_eq!(parse_party_code(" cb-01 "), Some("CB-01".into()));
        assert_eq!(parse_party_code("CB\u{200B}-01"), Some("CB-01".into()));
        assert_eq!(parse_party_code("đb-xã"), Some("ĐB-XÃ".into()));
        assert_eq!(parse_party_code("\u{200B}"), None);
    }

    #[test]
    fn every_kind_has_its_row_in_the_parent_table() {
        for kind in OrganizationKind::ALL {
            assert!(
                PARENT_KINDS.iter().any(|(k, _)| k == kind),
                "{kind} has no row"
            );
        }
        use OrganizationKind::*;
        for host in [District, ProvincialSchool, SchoolBranch, Commune] {
            assert_eq!(check_parent(Center, host), Ok(()));
        }
        let refused = check_parent(Center, Province).unwrap_err();
        assert!(refused.to_string().contains("school_branch"), "{refused}");
        assert!(check_parent(Province, Province).is_err());
    }

    #[test]
    fn no_node_moves_into_its_own_subtree() {
        assert_eq!(
            check_no_cycle("/p/a/", "/p/a/b/"),
            Err(TreeChangeError::Cycle)
        );
        assert_eq!(
            check_no_cycle("/p/a/", "/p/a/"),
            Err(TreeChangeError::Cycle)
        );
        assert_eq!(check_no_cycle("/p/a/", "/p/b/"), Ok(()));
        // A sibling whose id starts like ours is not our subtree: paths end in '/'.
        assert_eq!(check_no_cycle("/p/a/", "/p/ab/"), Ok(()));
    }

    #[test]
    fn dated_changes_are_appended_in_order_and_not_ahead_of_time() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let today = d(2026, 12, 7);
        assert_eq!(
            check_effective_date(d(2020, 4, 1), d(2019, 1, 1), None, today),
            Ok(())
        );
        // The same day as the latest change: the two are one period.
        assert_eq!(
            check_effective_date(d(2020, 4, 1), d(2020, 4, 1), None, today),
            Ok(())
        );
        assert!(matches!(
            check_effective_date(d(2018, 1, 1), d(2019, 1, 1), None, today),
            Err(TreeChangeError::BeforeLatest { .. })
        ));
        assert!(matches!(
            check_effective_date(d(2026, 12, 8), d(2019, 1, 1), None, today),
            Err(TreeChangeError::InTheFuture { .. })
        ));
        assert!(matches!(
            check_effective_date(d(2026, 1, 1), d(2019, 1, 1), Some(d(2025, 6, 30)), today),
            Err(TreeChangeError::Closed { .. })
        ));
    }

    #[test]
    fn tree_shape() {
        assert!(OrganizationKind::Center
            .allowed_parents()
            .contains(&OrganizationKind::District));
        assert!(!OrganizationKind::Center
            .allowed_parents()
            .contains(&OrganizationKind::Province));
        assert!(OrganizationKind::Province.allowed_parents().is_empty());
    }

    #[test]
    fn codes_and_names() {
        assert_eq!(parse_party_code(" CB-01 "), Some("CB-01".into()));
        assert_eq!(parse_party_code("   "), None);
        assert!(parse_party_code(&"x".repeat(32)).is_some());
        assert!(parse_party_code(&"x".repeat(33)).is_none());
        assert!(parse_org_name(&"đ".repeat(300)).is_some());
        assert!(parse_org_name(&"đ".repeat(301)).is_none());
        assert_eq!(parse_org_name(""), None);
    }

    #[test]
    fn center_names() {
        assert_eq!(
            center_name("Huyện Quảng Xương"),
            "Trung tâm Chính trị huyện Quảng Xương"
        );
    }
}
