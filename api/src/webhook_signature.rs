//! Webhook signatures as the Standard Webhooks specification has them
//! (<https://www.standardwebhooks.com/>, issue 25): a delivery carries `webhook-id`,
//! `webhook-timestamp` (Unix seconds) and `webhook-signature`, a space-separated list of
//! `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, one per secret in force — two while a
//! rotated secret overlaps the new one, so a receiver that has either verifies. Secrets are
//! `whsec_` and the base64 of their key bytes, as the specification's libraries read them.
//!
//! The delivery worker signs; `verify` is what a receiver does, here so that the server's own
//! tests check signatures the way receivers will (and an independent implementation, the
//! `standardwebhooks` package, checks them in the sync client's test).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// The prefix of a secret's text form.
pub const SECRET_PREFIX: &str = "whsec_";
/// Key bytes of a generated secret: 192 bits, as the specification's examples use.
const SECRET_BYTES: usize = 24;

/// A signing key.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(Vec<u8>);

impl std::fmt::Debug for WebhookSecret {
    /// Never prints the key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WebhookSecret(..)")
    }
}

impl WebhookSecret {
    /// A new random secret and its text form (`whsec_…`), which is shown to its owner once.
    pub fn generate() -> (WebhookSecret, String) {
        let mut key = vec![0u8; SECRET_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut key);
        let text = format!("{SECRET_PREFIX}{}", STANDARD.encode(&key));
        (WebhookSecret(key), text)
    }

    /// Reads the text form; `None` when it is not `whsec_` and standard base64 of at least 16
    /// bytes (a shorter key would be guessable).
    pub fn parse(text: &str) -> Option<WebhookSecret> {
        let key = STANDARD.decode(text.strip_prefix(SECRET_PREFIX)?).ok()?;
        (key.len() >= 16).then_some(WebhookSecret(key))
    }

    fn mac(&self, id: &str, timestamp: i64, body: &[u8]) -> HmacSha256 {
        let mut mac = HmacSha256::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac
    }

    /// `v1,<base64 signature>` of one delivery.
    pub fn sign(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let signature = self.mac(id, timestamp, body).finalize().into_bytes();
        format!("v1,{}", STANDARD.encode(signature))
    }
}

/// The `webhook-signature` header of a delivery: one signature per secret in force.
pub fn signature_header(
    secrets: &[WebhookSecret],
    id: &str,
    timestamp: i64,
    body: &[u8],
) -> String {
    secrets
        .iter()
        .map(|s| s.sign(id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a delivery does not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unverified {
    /// `webhook-timestamp` is not a number of seconds.
    BadTimestamp,
    /// The timestamp is further than the tolerance from now (a replay, or a wrong clock).
    Stale,
    /// No `v1` signature in the header matches the secret.
    NoMatch,
}

/// What a receiver checks: the timestamp within `tolerance_secs` of `now`, and one of the
/// header's `v1` signatures made with `secret` over this id, timestamp and body (compared in
/// constant time).
pub fn verify(
    secret: &WebhookSecret,
    id: &str,
    timestamp: &str,
    signature: &str,
    body: &[u8],
    now: i64,
    tolerance_secs: i64,
) -> Result<(), Unverified> {
    let at: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| Unverified::BadTimestamp)?;
    if (now - at).abs() > tolerance_secs {
        return Err(Unverified::Stale);
    }
    let matches = signature.split(' ').any(|candidate| {
        candidate
            .strip_prefix("v1,")
            .and_then(|b64| STANDARD.decode(b64).ok())
            .is_some_and(|bytes| secret.mac(id, at, body).verify_slice(&bytes).is_ok())
    });
    if matches {
        Ok(())
    } else {
        Err(Unverified::NoMatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the specification and its reference libraries.
    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const TIMESTAMP: i64 = 1_614_265_330;
    const BODY: &[u8] = br#"{"test": 2432232314}"#;
    const SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    fn secret() -> WebhookSecret {
        WebhookSecret::parse(SECRET).unwrap_or_else(|| unreachable!("the example parses"))
    }

    #[test]
    fn signs_the_specification_example() {
        assert_eq!(secret().sign(ID, TIMESTAMP, BODY), SIGNATURE);
    }

    #[test]
    fn verifies_within_the_tolerance_and_refuses_outside_it() {
        let s = secret();
        let at = &TIMESTAMP.to_string();
        assert_eq!(
            verify(&s, ID, at, SIGNATURE, BODY, TIMESTAMP + 300, 300),
            Ok(())
        );
        assert_eq!(
            verify(&s, ID, at, SIGNATURE, BODY, TIMESTAMP - 300, 300),
            Ok(())
        );
        assert_eq!(
            verify(&s, ID, at, SIGNATURE, BODY, TIMESTAMP + 301, 300),
            Err(Unverified::Stale)
        );
        assert_eq!(
            verify(&s, ID, "soon", SIGNATURE, BODY, TIMESTAMP, 300),
            Err(Unverified::BadTimestamp)
        );
        // Another body, id or timestamp: no match.
        let other = br#"{"test": 2432232315}"#;
        assert_eq!(
            verify(&s, ID, at, SIGNATURE, other, TIMESTAMP, 300),
            Err(Unverified::NoMatch)
        );
        assert_eq!(
            verify(&s, "msg_other", at, SIGNATURE, BODY, TIMESTAMP, 300),
            Err(Unverified::NoMatch)
        );
        let later = &(TIMESTAMP + 1).to_string();
        assert_eq!(
            verify(&s, ID, later, SIGNATURE, BODY, TIMESTAMP, 300),
            Err(Unverified::NoMatch)
        );
        // Not v1, or not base64: no match, never a panic.
        for header in ["v2,abc", "v1,", "v1,!!!", "", "g0hM9SsE"] {
            assert_eq!(
                verify(&s, ID, at, header, BODY, TIMESTAMP, 300),
                Err(Unverified::NoMatch),
                "{header}"
            );
        }
    }

    #[test]
    fn during_a_rotation_either_secret_verifies() {
        let (new, text) = WebhookSecret::generate();
        assert!(text.starts_with(SECRET_PREFIX));
        assert_eq!(WebhookSecret::parse(&text), Some(new.clone()));
        let header = signature_header(&[secret(), new.clone()], ID, TIMESTAMP, BODY);
        assert_eq!(header.split(' ').count(), 2);
        let at = &TIMESTAMP.to_string();
        assert_eq!(
            verify(&secret(), ID, at, &header, BODY, TIMESTAMP, 300),
            Ok(())
        );
        assert_eq!(verify(&new, ID, at, &header, BODY, TIMESTAMP, 300), Ok(()));
        let (stranger, _) = WebhookSecret::generate();
        assert_eq!(
            verify(&stranger, ID, at, &header, BODY, TIMESTAMP, 300),
            Err(Unverified::NoMatch)
        );
    }

    #[test]
    fn secrets_are_read_only_in_their_form() {
        assert!(WebhookSecret::parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").is_none());
        assert!(WebhookSecret::parse("whsec_not base64").is_none());
        assert!(
            WebhookSecret::parse("whsec_c2hvcnQ=").is_none(),
            "a 5-byte key"
        );
        assert_eq!(format!("{:?}", secret()), "WebhookSecret(..)");
    }
}
