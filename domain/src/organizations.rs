//! The organization tree: province → provincial school and districts → one center per district →
//! party organizations. The tree is data; nothing assumes a single province.

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
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
        Province => "province",
        /// Trường Chính trị tỉnh.
        ProvincialSchool => "provincial_school",
        /// Đơn vị hành chính cấp huyện.
        District => "district",
        /// Trung tâm chính trị cấp huyện.
        Center => "center",
        /// Tổ chức cơ sở đảng, chi bộ, đảng ủy.
        PartyOrganization => "party_organization",
    }
}

string_enum! {
    /// The three kinds of district-level unit.
    DistrictKind {
        /// Thành phố thuộc tỉnh.
        City => "city",
        /// Thị xã.
        Town => "town",
        /// Huyện.
        District => "district",
    }
}

string_enum! {
    /// Kinds of party organization.
    PartyOrganizationKind {
        /// Chi bộ: a party cell (the default).
        PartyCell => "party_cell",
        /// Chi bộ cơ sở: a grassroots party cell.
        GrassrootsCell => "grassroots_cell",
        /// Đảng bộ cơ sở / đảng ủy cơ sở: a grassroots party committee.
        GrassrootsCommittee => "grassroots_committee",
    }
}

impl OrganizationKind {
    /// Which kinds may be the parent of this kind.
    pub fn allowed_parents(self) -> &'static [OrganizationKind] {
        use OrganizationKind::*;
        match self {
            Province => &[],
            ProvincialSchool | District => &[Province],
            Center => &[District],
            PartyOrganization => &[Center, PartyOrganization],
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
