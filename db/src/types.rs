//! SQL types the multi-backend connection does not know by itself.
//!
//! UUIDs are native `uuid` on PostgreSQL and canonical hyphenated TEXT on SQLite. The Rust side is
//! [`Id`], a transparent wrapper of `uuid::Uuid` that converts both ways.

use crate::connection::MultiBackend;
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::HasSqlType;
use diesel::sqlite::Sqlite;
use std::io::Write;
use uuid::Uuid;

/// A UUID column: `uuid` on PostgreSQL, `TEXT` on SQLite.
#[derive(
    Debug, Clone, Copy, Default, diesel::sql_types::SqlType, diesel::query_builder::QueryId,
)]
#[diesel(postgres_type(oid = 2950, array_oid = 2951))]
#[diesel(sqlite_type(name = "Text"))]
pub struct PortableUuid;

/// A UUID stored in a [`PortableUuid`] column.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(sql_type = PortableUuid)]
#[serde(transparent)]
pub struct Id(pub Uuid);

impl From<Uuid> for Id {
    fn from(u: Uuid) -> Self {
        Id(u)
    }
}

impl From<Id> for Uuid {
    fn from(id: Id) -> Self {
        id.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl HasSqlType<PortableUuid> for MultiBackend {
    fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
        MultiBackend::lookup_sql_type::<PortableUuid>(lookup)
    }
}

impl FromSql<PortableUuid, MultiBackend> for Id {
    fn from_sql(bytes: <MultiBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        bytes.from_sql::<Id, PortableUuid>()
    }
}

impl ToSql<PortableUuid, MultiBackend> for Id {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((PortableUuid, self));
        Ok(IsNull::No)
    }
}

impl FromSql<PortableUuid, Pg> for Id {
    fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        Ok(Id(Uuid::from_slice(bytes.as_bytes())?))
    }
}

impl ToSql<PortableUuid, Pg> for Id {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.0.as_bytes())?;
        Ok(IsNull::No)
    }
}

impl FromSql<PortableUuid, Sqlite> for Id {
    fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<diesel::sql_types::Text, Sqlite>>::from_sql(bytes)?;
        Ok(Id(Uuid::parse_str(&text)?))
    }
}

impl ToSql<PortableUuid, Sqlite> for Id {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.0.hyphenated().to_string());
        Ok(IsNull::No)
    }
}

/// Declares the id type of one table: a UUID newtype that diesel stores in a [`PortableUuid`]
/// column on both backends, serde sends as a plain UUID string and OpenAPI documents as one.
/// A `ClassId` can never be passed where a `LearnerId` is expected.
#[macro_export]
macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
            serde::Serialize, serde::Deserialize,
        )]
        #[diesel(sql_type = $crate::types::PortableUuid)]
        #[serde(transparent)]
        pub struct $name(pub uuid::Uuid);

        impl $name {
            /// A new time-ordered id (UUIDv7).
            pub fn generate() -> Self {
                $name(uuid::Uuid::now_v7())
            }
        }

        impl From<uuid::Uuid> for $name {
            fn from(u: uuid::Uuid) -> Self {
                $name(u)
            }
        }
        impl From<$name> for uuid::Uuid {
            fn from(id: $name) -> Self {
                id.0
            }
        }
        impl From<$crate::Id> for $name {
            fn from(id: $crate::Id) -> Self {
                $name(id.0)
            }
        }
        impl From<$name> for $crate::Id {
            fn from(id: $name) -> Self {
                $crate::Id(id.0)
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                uuid::Uuid::parse_str(s).map($name)
            }
        }

        impl diesel::deserialize::FromSql<$crate::types::PortableUuid, $crate::MultiBackend> for $name {
            fn from_sql(
                bytes: <$crate::MultiBackend as diesel::backend::Backend>::RawValue<'_>,
            ) -> diesel::deserialize::Result<Self> {
                bytes.from_sql::<$crate::Id, $crate::types::PortableUuid>().map(Into::into)
            }
        }
        impl diesel::serialize::ToSql<$crate::types::PortableUuid, $crate::MultiBackend> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, $crate::MultiBackend>,
            ) -> diesel::serialize::Result {
                out.set_value(($crate::types::PortableUuid, self));
                Ok(diesel::serialize::IsNull::No)
            }
        }
        impl diesel::serialize::ToSql<$crate::types::PortableUuid, diesel::pg::Pg> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                std::io::Write::write_all(out, self.0.as_bytes())?;
                Ok(diesel::serialize::IsNull::No)
            }
        }
        impl diesel::serialize::ToSql<$crate::types::PortableUuid, diesel::sqlite::Sqlite> for $name {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::sqlite::Sqlite>,
            ) -> diesel::serialize::Result {
                out.set_value(self.0.hyphenated().to_string());
                Ok(diesel::serialize::IsNull::No)
            }
        }

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .format(Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
                        utoipa::openapi::schema::KnownFormat::Uuid,
                    )))
                    .into()
            }
        }
        impl utoipa::ToSchema for $name {
            fn name() -> std::borrow::Cow<'static, str> {
                std::borrow::Cow::Borrowed(stringify!($name))
            }
        }
    };
}

typed_id!(
    /// An organization: province, school, district, center or party organization.
    OrganizationId
);
typed_id!(
    /// A user account.
    UserId
);
typed_id!(
    /// A service client.
    ClientId
);
typed_id!(
    /// A webhook subscription.
    WebhookId
);
typed_id!(
    /// One attempt to call a webhook subscriber.
    DeliveryId
);
typed_id!(
    /// A program of the catalogue.
    ProgramId
);
typed_id!(
    /// A policy version.
    PolicyVersionId
);
typed_id!(
    /// A training plan (one revision).
    PlanId
);
typed_id!(
    /// A line of a training plan.
    PlanLineId
);
typed_id!(
    /// An approval grant.
    GrantId
);
typed_id!(
    /// A lecturer (of a center, or visiting from the provincial school).
    LecturerId
);
typed_id!(
    /// A class.
    ClassId
);
typed_id!(
    /// A timetable session of a class.
    SessionId
);
typed_id!(
    /// One version of a lesson plan.
    LessonPlanId
);
typed_id!(
    /// A class visit (dự giờ).
    VisitId
);
typed_id!(
    /// A lecturer's activity.
    ActivityId
);
typed_id!(
    /// A learner.
    LearnerId
);
typed_id!(
    /// A learner's enrollment in a class (one "lượt học viên").
    EnrollmentId
);
typed_id!(
    /// A certificate (each reissue is one of its own).
    CertificateId
);
typed_id!(
    /// A topic of a program.
    TopicId
);
typed_id!(
    /// An enrollment's result (addressed through its enrollment: `/enrollments/{id}/result`).
    ResultId
);
typed_id!(
    /// A refresh token (one per rotation).
    RefreshTokenId
);
typed_id!(
    /// A chain of refresh tokens from one login: revoked together when a used one is replayed.
    TokenFamilyId
);
