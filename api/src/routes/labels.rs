//! `/labels`: the Vietnamese label of every coded value (program categories, statuses, conduct,
//! kinds, ...), for front ends that show codes to people. Served from `domain::labels`, the one
//! table the exports and the OpenAPI document also read.

use super::Resource;
use crate::auth::Caller;
use crate::error::ApiError;
use actix_web::{get, HttpResponse};
use std::collections::BTreeMap;
use utoipa_actix_web::scope;

/// Every labelled enumeration, by its name in this document's schemas: each code's label.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
#[schema(example = json!({"ProgramCategory": {"party_admission": "Bồi dưỡng nhận thức về Đảng"},
    "Conduct": {"good": "Tốt"}}))]
pub struct Labels(pub BTreeMap<&'static str, BTreeMap<&'static str, &'static str>>);

/// The Vietnamese labels of every coded value.
#[utoipa::path(
    tag = "labels",
    operation_id = "get_labels",
    responses((status = 200, description = "Each enumeration's codes and their labels", body = Labels)),
    security(("bearer" = []))
)]
#[get("")]
pub async fn get_labels(_caller: Caller) -> Result<HttpResponse, ApiError> {
    let labels = centers_domain::labels::all()
        .into_iter()
        .map(|(name, values)| (name, values.iter().copied().collect()))
        .collect();
    Ok(HttpResponse::Ok().json(Labels(labels)))
}

/// This resource's routes.
pub const RESOURCE: Resource = Resource {
    configure: |cfg| {
        cfg.service(scope("/labels").service(get_labels));
    },
    sorts: &[],
};
