//! Access tokens (HS256 JWTs) and opaque refresh tokens / client secrets.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

/// Who issues tokens and for whom; checked on every token.
pub const ISSUER: &str = "centers";
pub const AUDIENCE: &str = "centers-api";
/// Access tokens live 15 minutes.
pub const ACCESS_TTL_SECS: i64 = 15 * 60;
/// Refresh tokens live 30 days.
pub const REFRESH_TTL_DAYS: i64 = 30;
/// Clock skew tolerated between servers, in seconds.
pub const LEEWAY_SECS: u64 = 30;

/// The claims of an access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// The user's or client's id.
    pub sub: String,
    /// `user` or `client`.
    pub typ: String,
    /// The role (users) or access level (clients).
    pub role: String,
    /// The organization id of the scope.
    pub scope: String,
    pub iss: String,
    pub aud: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: String,
    /// The user's security stamp when the token was issued; a changed stamp revokes the token.
    pub stamp: String,
}

/// Signing and verification keys, made once at start-up.
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// Tokens verified whole (signature and every claim), by their exact text. A client sends
    /// the same token with each request of its 15 minutes; checking the signature and parsing
    /// the claims again each time was a tenth of the CPU of a list page served from the page
    /// cache. Only the same text finds an entry, and its expiry is checked again on every use.
    verified: Mutex<HashMap<String, Claims>>,
}

/// Tokens remembered at most (the map is emptied when full: memory stays bounded).
const VERIFIED_CAPACITY: usize = 10_000;

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtKeys(..)")
    }
}

impl JwtKeys {
    /// Keys from a shared secret (HS256).
    pub fn from_secret(secret: &[u8]) -> Self {
        // The algorithm is pinned: a token claiming any other algorithm (or `none`) is refused.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = LEEWAY_SECS;
        validation.validate_exp = true;
        validation.validate_nbf = true;
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "nbf", "iat", "iss", "aud", "sub"]);
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            verified: Mutex::default(),
        }
    }

    /// Signs claims.
    pub fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
    }

    /// Verifies signature, algorithm and every claim (a token verified before: its expiry).
    pub fn verify(&self, token: &str) -> Result<Claims, jsonwebtoken::errors::Error> {
        let now = i64::try_from(jsonwebtoken::get_current_timestamp()).unwrap_or(i64::MAX);
        let leeway = i64::try_from(LEEWAY_SECS).unwrap_or(0);
        if let Some(claims) = self
            .verified
            .lock()
            .ok()
            .and_then(|v| v.get(token).cloned())
        {
            // As `Validation` checks it: expired once `exp` is more than the leeway past.
            if claims.exp < now - leeway {
                return Err(jsonwebtoken::errors::ErrorKind::ExpiredSignature.into());
            }
            return Ok(claims);
        }
        let claims =
            jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)?.claims;
        if let Ok(mut verified) = self.verified.lock() {
            if verified.len() >= VERIFIED_CAPACITY {
                verified.clear();
            }
            verified.insert(token.to_owned(), claims.clone());
        }
        Ok(claims)
    }
}

/// Builds the claims of a new access token.
pub fn new_claims(sub: String, typ: &str, role: &str, scope: String, stamp: String) -> Claims {
    let now = chrono::Utc::now().timestamp();
    Claims {
        sub,
        typ: typ.to_owned(),
        role: role.to_owned(),
        scope,
        iss: ISSUER.to_owned(),
        aud: AUDIENCE.to_owned(),
        iat: now,
        nbf: now,
        exp: now + ACCESS_TTL_SECS,
        jti: uuid::Uuid::now_v7().to_string(),
        stamp,
    }
}

/// A random opaque token (refresh tokens, client secrets, generated passwords): 32 random bytes.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of an opaque token: its SHA-256, hex. The tokens carry 256 bits of entropy, so a
/// fast hash is enough; only the hash is ever stored.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_and_verify_round_trip() {
        let keys = JwtKeys::from_secret(&[7u8; 32]);
        let claims = new_claims(
            "u".into(),
            "user",
            "province_admin",
            "s".into(),
            "st".into(),
        );
        let token = keys.sign(&claims).unwrap_or_default();
        assert_eq!(keys.verify(&token).ok(), Some(claims));
        let other = JwtKeys::from_secret(&[8u8; 32]);
        assert!(other.verify(&token).is_err());
    }

    #[test]
    fn a_token_verified_before_is_still_refused_once_expired_and_only_its_exact_text_counts() {
        let keys = JwtKeys::from_secret(&[7u8; 32]);
        let now = i64::try_from(jsonwebtoken::get_current_timestamp()).unwrap_or(0);
        let mut claims = new_claims("u".into(), "user", "lecturer", "s".into(), "st".into());
        // Valid for one more second, counting the leeway.
        claims.exp = now - i64::try_from(LEEWAY_SECS).unwrap_or(0) + 1;
        let token = keys.sign(&claims).unwrap_or_default();
        assert!(keys.verify(&token).is_ok());
        assert!(keys.verify(&token).is_ok(), "from the verified tokens");
        // The same token with another signature is not the same text: verified, and refused.
        let (head, _) = token.rsplit_once('.').unwrap_or_default();
        let forged = format!("{head}.{}", URL_SAFE_NO_PAD.encode([0u8; 32]));
        assert!(keys.verify(&forged).is_err());
        std::thread::sleep(std::time::Duration::from_millis(2100));
        let expired = keys.verify(&token).err().map(|e| e.into_kind());
        assert_eq!(
            expired,
            Some(jsonwebtoken::errors::ErrorKind::ExpiredSignature)
        );
    }

    #[test]
    fn opaque_tokens_are_random_and_hashed() {
        let a = random_token();
        assert_ne!(a, random_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}
