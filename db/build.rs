//! The migrations are embedded at compile time (`embed_migrations!`): a new or changed migration
//! file must rebuild this crate, which cargo does not know on its own.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
