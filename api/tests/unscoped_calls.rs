//! Scope is required (issue 20): a query that ignores the caller's scope is named `*_unscoped`,
//! and a service under `api/src/services/` may call one only where this list says why — after the
//! record it hangs on was found in scope, or for what is not the caller's record at all. A new
//! call fails this test until it is listed here with its reason; a listed call that no longer
//! exists fails it too, so the list stays true.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

/// (file under `api/src/services/`, enclosing function, unscoped function called, why).
const ALLOWED: &[(&str, &str, &str, &str)] = &[
    ("approval_grants.rs", "revoke", "find_unscoped", "the grant's district, after the grant was found in scope"),
    ("auth.rs", "me", "find_unscoped", "the caller's own scope organization"),
    ("certificate_documents.rs", "certificate_document", "find_certificate_unscoped", "the certificate, whose enrollment is then checked readable"),
    ("certificate_documents.rs", "certificate_document", "class_unscoped", "the class of the enrollment just found readable, printed on the certificate"),
    ("certificate_documents.rs", "certificate_document", "find_unscoped", "the issuer of a certificate whose enrollment was found readable: its name is printed"),
    ("certificate_documents.rs", "issuer_on_paper", "find_unscoped", "the unit hosting an issuer found in scope (or issuing a readable certificate): the place name"),
    ("certificates.rs", "issue_certificate", "find_unscoped", "the class's center, after the class was found in scope"),
    ("certificates.rs", "reissue_certificate", "find_certificate_unscoped", "the certificate, whose enrollment is then checked in scope; and the replaced one read again"),
    ("certificates.rs", "certificate", "find_certificate_unscoped", "the certificate, whose enrollment is then checked readable"),
    ("certificates.rs", "verify", "certificate_by_number_unscoped", "public verification: found only with the code printed on it, answering initials only"),
    ("certificates.rs", "verify", "find_enrollment_unscoped", "public verification of a certificate found by number and code"),
    ("certificates.rs", "verify", "learner_unscoped", "public verification: the holder's initials only"),
    ("certificates.rs", "verify", "find_unscoped", "public verification: the issuing center's name"),
    ("enrollments.rs", "class_for", "find_unscoped", "a party organization's own account organization"),
    ("enrollments.rs", "class_for", "class_unscoped", "a party organization reaches the classes of its own center to nominate (checked next)"),
    ("enrollments.rs", "nominate", "find_unscoped", "the learner's party organization, after the learner was found in scope"),
    ("enrollments.rs", "step", "find_enrollment_unscoped", "the enrollment, whose class is then required in scope"),
    ("imports/rows.rs", "load_known", "national_id_holders_unscoped", "national ids are unique in the province; holders outside the scope are never named"),
    ("imports/rows.rs", "load_known", "classes_by_ids_unscoped", "classes named by a row, each then checked: in scope, or of a party organization's own center"),
    ("imports/rows.rs", "load_known", "classes_by_codes_unscoped", "as classes_by_ids_unscoped, by code and year"),
    ("lesson_plans.rs", "readable", "find_lesson_plan_unscoped", "the lesson plan, whose lecturer is then required visible"),
    ("mod.rs", "owner_path", "find_unscoped", "the owner of a record already found in scope, for the write path's scope_path"),
    ("party_organizations.rs", "update", "find_unscoped", "the center of a party organization found in scope"),
    ("party_organizations.rs", "delete", "find_unscoped", "whether a party organization found in scope was deleted meanwhile (404 or 412)"),
    ("result_reports.rs", "result_lines", "class_unscoped", "the classes of enrollments already read in scope"),
    ("result_reports.rs", "result_lines", "learner_unscoped", "the learners of enrollments already read in scope"),
    ("results.rs", "readable_with_class", "find_class_unscoped", "the class of an enrollment in scope, for its dates and policy (its attendance is read through the enrollment)"),
    ("training_plans.rs", "holds_grant_for_center", "parent_of_unscoped", "the district of a center whose plan was found in scope"),
    ("visits.rs", "create", "find_unscoped", "the organization of an observer found visible"),
];

/// Every call of an `*_unscoped` function in the services: (file, enclosing fn, callee).
fn calls(root: &Path) -> BTreeSet<(String, String, String)> {
    let mut found = BTreeSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let file = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).unwrap();
            let mut current = String::new();
            for line in text.lines() {
                let code = line.split("//").next().unwrap_or_default();
                if let Some(rest) = code.trim_start().split("fn ").nth(1).filter(|_| {
                    let t = code.trim_start();
                    t.starts_with("fn ")
                        || t.starts_with("pub fn ")
                        || t.starts_with("pub(crate) fn ")
                }) {
                    current = rest
                        .split(|c: char| !c.is_alphanumeric() && c != '_')
                        .next()
                        .unwrap_or_default()
                        .to_owned();
                    continue;
                }
                let mut rest = code;
                while let Some(at) = rest.find("_unscoped(") {
                    let start = rest[..at]
                        .rfind(|c: char| !c.is_alphanumeric() && c != '_')
                        .map_or(0, |i| i + 1);
                    let callee = format!("{}_unscoped", &rest[start..at]);
                    found.insert((file.clone(), current.clone(), callee));
                    rest = &rest[at + "_unscoped(".len()..];
                }
            }
        }
    }
    found
}

#[test]
fn services_call_unscoped_queries_only_where_the_list_says_why() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/services");
    let found = calls(&root);
    let allowed: BTreeSet<(String, String, String)> = ALLOWED
        .iter()
        .map(|(f, func, callee, why)| {
            assert!(why.len() > 10, "{f} {func}: say why");
            ((*f).to_owned(), (*func).to_owned(), (*callee).to_owned())
        })
        .collect();
    let unlisted: Vec<_> = found.difference(&allowed).collect();
    assert!(
        unlisted.is_empty(),
        "unscoped queries called from request paths without a reason in ALLOWED: {unlisted:#?}"
    );
    let stale: Vec<_> = allowed.difference(&found).collect();
    assert!(
        stale.is_empty(),
        "listed calls that no longer exist: {stale:#?}"
    );
    assert!(found.len() >= 20, "the scan found {} calls", found.len());
}
