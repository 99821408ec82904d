//! Password hashing with argon2id (default parameters of the `argon2` crate: 19 MiB, 2 passes).
//!
//! Memory: every hash and verification computes in a work area of its own that goes back to the
//! operating system when it ends ([`work_area`]), so neither a login flood nor a long-running
//! server holds argon2's 19 MiB areas, however many threads did the work (RSS stays flat). The
//! number of them at once is bounded by the server's password permits.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

/// The largest argon2 memory cost (KiB) a stored hash may ask for: a hash needing more was not
/// made by this server and is refused rather than allowed to allocate gigabytes.
const MAX_MEMORY_KIB: u32 = 64 * 1024;

/// Just above glibc's largest dynamic mmap threshold (32 MiB on 64-bit). An allocation this
/// large is always mapped on its own and unmapped when freed, and freeing it leaves the
/// threshold alone. A 19 MiB block, by contrast, is mapped the first time, and freeing it raises
/// the threshold past its size: from then on such blocks (and every large buffer below them)
/// come from the heap and per-thread arenas, which glibc keeps (a login flood once held 245 MB).
const ALWAYS_MAPPED_BYTES: usize = 32 * 1024 * 1024 + 4096;

/// A zeroed argon2 work area of `blocks` blocks, reserved at [`ALWAYS_MAPPED_BYTES`] so that it
/// is returned to the operating system when dropped. Only the `blocks` used are touched: the
/// rest of the reservation is address space, not memory.
fn work_area(blocks: usize) -> Vec<Block> {
    let reserve = blocks.max(ALWAYS_MAPPED_BYTES / std::mem::size_of::<Block>() + 1);
    let mut area = Vec::with_capacity(reserve);
    area.resize(blocks, Block::default());
    area
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) with a fresh
/// random salt and the default parameters.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    let params = Params::default();
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buf)?;
    let mut out = vec![0u8; Params::DEFAULT_OUTPUT_LEN];
    let mut area = work_area(params.block_count());
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(password.as_bytes(), salt_bytes, &mut out, &mut area[..])?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: (&params).try_into()?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out)?),
    };
    Ok(hash.to_string())
}

/// Checks a password against a stored PHC argon2 string. A malformed hash never matches, nor
/// one asking for more than [`MAX_MEMORY_KIB`].
pub fn verify_password(password: &str, hash: &str) -> bool {
    verify_with(password, hash)
}

/// Verifies `password` against a PHC argon2 string, in a work area of its own.
fn verify_with(password: &str, hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let Ok(params) = Params::try_from(&parsed) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return false;
    };
    if params.m_cost() > MAX_MEMORY_KIB {
        return false;
    }
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let mut area = work_area(params.block_count());
    let mut out = vec![0u8; expected.len()];
    let computed = Argon2::new(algorithm, version, params).hash_password_into_with_memory(
        password.as_bytes(),
        salt,
        &mut out,
        &mut area[..],
    );
    // `Output` compares in constant time.
    computed.is_ok()
        && argon2::password_hash::Output::new(&out).is_ok_and(|computed| computed == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_with_the_library_and_the_library_s_with_ours() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let h = hash_password("correct horse battery").unwrap_or_default();
        let parsed = PasswordHash::new(&h).unwrap();
        assert!(Argon2::default()
            .verify_password(b"correct horse battery", &parsed)
            .is_ok());
        assert_eq!(parsed.params.get_decimal("m"), Some(19 * 1024));
        // Other parameters than the default (an older, cheaper hash) still verify.
        let params = Params::new(8 * 1024, 1, 1, None).unwrap();
        let salt = SaltString::generate(&mut OsRng);
        let cheap = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(b"pw-cheap-1", &salt)
            .unwrap()
            .to_string();
        assert!(verify_password("pw-cheap-1", &cheap));
        assert!(!verify_password("pw-cheap-2", &cheap));
        // A hash asking for 1 GiB is refused, not computed.
        let greedy = cheap.replace("m=8192", "m=1048576");
        assert!(!verify_password("pw-cheap-1", &greedy));
    }

    #[test]
    fn work_areas_are_reserved_past_the_mmap_threshold_and_only_used_blocks_are_made() {
        let area = work_area(Params::default().block_count());
        assert_eq!(area.len(), 19 * 1024);
        assert!(area.capacity() * std::mem::size_of::<Block>() > 32 * 1024 * 1024);
        assert_eq!(work_area(40 * 1024).len(), 40 * 1024);
    }

    #[test]
    fn hash_and_verify() {
        let h = hash_password("correct horse battery").unwrap_or_default();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong horse battery", &h));
        assert!(!verify_password("x", "not a hash"));
    }
}
