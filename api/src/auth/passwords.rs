//! Password hashing with argon2id (default parameters of the `argon2` crate: 19 MiB, 2 passes).
//!
//! Verification under load reuses its memory: each of the server's verification slots owns one
//! argon2 work area, allocated once, so a login flood neither allocates 19 MiB per attempt nor
//! leaves the allocator holding freed areas in many thread arenas (RSS stays flat).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::Mutex;

/// The largest argon2 memory cost (KiB) a stored hash may ask for: a hash needing more was not
/// made by this server and is refused rather than allowed to allocate gigabytes.
const MAX_MEMORY_KIB: u32 = 64 * 1024;

/// Reusable argon2 work areas, one per verification slot.
pub struct WorkAreas(Mutex<Vec<Vec<Block>>>);

impl WorkAreas {
    /// `slots` areas, each sized for the default parameters (grown once if a hash needs more).
    pub fn new(slots: usize) -> Self {
        let blocks = Params::default().block_count();
        WorkAreas(Mutex::new(
            (0..slots).map(|_| vec![Block::default(); blocks]).collect(),
        ))
    }

    /// Checks a password with a borrowed work area (a fresh one if none is free, which the
    /// caller's permit makes impossible).
    pub fn verify(&self, password: &str, hash: &str) -> bool {
        let mut area = self
            .0
            .lock()
            .map(|mut v| v.pop())
            .unwrap_or_default()
            .unwrap_or_default();
        let ok = verify_with(password, hash, &mut area);
        if let Ok(mut v) = self.0.lock() {
            v.push(area);
        }
        ok
    }
}

/// Verifies `password` against a PHC argon2 string, computing in `area`.
fn verify_with(password: &str, hash: &str, area: &mut Vec<Block>) -> bool {
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
    let needed = params.block_count();
    if area.len() < needed {
        area.resize(needed, Block::default());
    }
    let mut out = vec![0u8; expected.len()];
    let computed = Argon2::new(algorithm, version, params).hash_password_into_with_memory(
        password.as_bytes(),
        salt,
        &mut out,
        &mut area[..needed],
    );
    // `Output` compares in constant time.
    computed.is_ok()
        && argon2::password_hash::Output::new(&out).is_ok_and(|computed| computed == expected)
}

/// Hashes a password into a PHC string (`$argon2id$...`), with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a stored hash. A malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_areas_verify_like_the_library() {
        let areas = WorkAreas::new(1);
        let h = hash_password("correct horse battery").unwrap_or_default();
        assert!(areas.verify("correct horse battery", &h));
        assert!(!areas.verify("correct horse batterY", &h));
        assert!(!areas.verify("x", "not a hash"));
        // Other parameters than the default (an older, cheaper hash) still verify.
        let params = Params::new(8 * 1024, 1, 1, None).unwrap();
        let salt = SaltString::generate(&mut OsRng);
        let cheap = Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password(b"pw-cheap-1", &salt)
            .unwrap()
            .to_string();
        assert!(areas.verify("pw-cheap-1", &cheap));
        assert!(verify_password("pw-cheap-1", &cheap));
        // A hash asking for 1 GiB is refused, not computed.
        let greedy = cheap.replace("m=8192", "m=1048576");
        assert!(!areas.verify("pw-cheap-1", &greedy));
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
