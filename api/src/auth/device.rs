//! Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
//! successful login the browser receives a signed cookie naming the account. A later login for
//! that account that presents it is a *known device*: its password is checked in a lane of
//! password permits that a crowd of guessers cannot fill (they hold no valid cookie for the
//! account), and its failures count against the cookie, not against the address or the account,
//! so a flood from rotating addresses neither locks the owner out nor makes them wait. A cookie
//! that fails too often is treated as absent (the usual limits apply again).
//!
//! The cookie is `v1.<username>.<nonce>.<expiry>.<mac>` (base64url parts), the MAC an HMAC-SHA256
//! under a key derived from the token secret, so every instance sharing the secret accepts it.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

/// The cookie's name.
pub const COOKIE: &str = "centers_device";
/// How long a device is remembered (180 days).
pub const MAX_AGE_SECS: i64 = 180 * 24 * 3600;

/// Signs and checks device cookies.
#[derive(Clone)]
pub struct DeviceCookies {
    key: Vec<u8>,
}

/// A valid device cookie: the account it names and its own nonce (the key its failures count on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownDevice {
    pub nonce: String,
}

type HmacSha256 = Hmac<Sha256>;

/// An HMAC-SHA256 under `key` that has read `data`.
fn keyed(key: &[u8], data: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(data);
    mac
}

impl DeviceCookies {
    /// Keys derived from the token secret: a device cookie is not a token and a token's
    /// signature is never a valid cookie's.
    pub fn from_secret(secret: &[u8]) -> DeviceCookies {
        DeviceCookies {
            key: keyed(secret, b"centers device cookie v1")
                .finalize()
                .into_bytes()
                .to_vec(),
        }
    }

    fn mac(&self, payload: &str) -> Vec<u8> {
        keyed(&self.key, payload.as_bytes())
            .finalize()
            .into_bytes()
            .to_vec()
    }

    /// A new cookie value for `username`, valid for [`MAX_AGE_SECS`] from `now` (Unix seconds).
    pub fn issue(&self, username: &str, now: i64) -> String {
        let mut nonce = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let payload = format!(
            "v1.{}.{}.{}",
            URL_SAFE_NO_PAD.encode(username.as_bytes()),
            URL_SAFE_NO_PAD.encode(nonce),
            now + MAX_AGE_SECS
        );
        let mac = URL_SAFE_NO_PAD.encode(self.mac(&payload));
        format!("{payload}.{mac}")
    }

    /// The device a cookie value proves for `username` at `now`, if it is one this server signed,
    /// for this very account, and not expired.
    pub fn verify(&self, value: &str, username: &str, now: i64) -> Option<KnownDevice> {
        let (payload, mac) = value.rsplit_once('.')?;
        let mac = URL_SAFE_NO_PAD.decode(mac).ok()?;
        keyed(&self.key, payload.as_bytes())
            .verify_slice(&mac) // constant time
            .ok()?;
        let mut parts = payload.split('.');
        let (version, user, nonce, expiry) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if version != "v1" || parts.next().is_some() {
            return None;
        }
        let named = String::from_utf8(URL_SAFE_NO_PAD.decode(user).ok()?).ok()?;
        let expiry: i64 = expiry.parse().ok()?;
        (named == username && now < expiry).then(|| KnownDevice {
            nonce: nonce.to_owned(),
        })
    }
}

/// The device cookie's value in a request's `Cookie` headers, if any.
pub fn from_request(req: &actix_web::HttpRequest) -> Option<String> {
    req.headers()
        .get_all(actix_web::http::header::COOKIE)
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim().to_owned())
}

/// The `Set-Cookie` header value that stores `value` in the browser: only sent back to the login
/// endpoints, never readable by scripts, never sent by another site's page.
pub fn set_cookie(value: &str) -> String {
    format!(
        "{COOKIE}={value}; Path=/api/v1/auth; Max-Age={MAX_AGE_SECS}; HttpOnly; Secure; SameSite=Strict"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_proves_its_own_account_until_it_expires_and_nothing_else() {
        let cookies = DeviceCookies::from_secret(b"secret");
        let value = cookies.issue("ca.a", 1_000);
        assert!(cookies.verify(&value, "ca.a", 1_001).is_some());
        assert!(cookies.verify(&value, "ca.b", 1_001).is_none());
        assert!(cookies
            .verify(&value, "ca.a", 1_000 + MAX_AGE_SECS)
            .is_none());
        // Another server's secret, a changed part, or garbage: no device.
        assert!(DeviceCookies::from_secret(b"other")
            .verify(&value, "ca.a", 1_001)
            .is_none());
        let forged = value.replacen("v1.", "v1.x", 1);
        assert!(cookies.verify(&forged, "ca.a", 1_001).is_none());
        assert!(cookies.verify("v1.a.b.c", "ca.a", 1_001).is_none());
        assert!(cookies.verify("", "ca.a", 1_001).is_none());
        // Two logins, two devices.
        assert_ne!(
            cookies.verify(&cookies.issue("ca.a", 1_000), "ca.a", 1_001),
            cookies.verify(&value, "ca.a", 1_001)
        );
    }
}
