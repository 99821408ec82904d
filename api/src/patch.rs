//! One meaning for a field of a PATCH body, everywhere: absent leaves the value unchanged, `null`
//! clears it, a value sets it.

use serde::{Deserialize, Deserializer};

/// A field of a partial update. Declare it `#[serde(default)]` (absent → [`Patch::Absent`]) and
/// document it in the schema as the nullable value type (`#[schema(value_type = Option<T>)]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Patch<T> {
    /// Not in the body: leave as it is.
    #[default]
    Absent,
    /// `null`: clear it.
    Null,
    /// A value: set it.
    Value(T),
}

impl<T> Patch<T> {
    /// The new value when the field is present (`Some(None)` clears), `None` when absent.
    pub fn into_change(self) -> Option<Option<T>> {
        match self {
            Patch::Absent => None,
            Patch::Null => Some(None),
            Patch::Value(v) => Some(Some(v)),
        }
    }

    /// Applies `f` to a present value.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(v) => Patch::Value(f(v)),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Only called when the field is present: absent fields take the `Default`.
        Ok(match Option::<T>::deserialize(d)? {
            None => Patch::Null,
            Some(v) => Patch::Value(v),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Body {
        #[serde(default)]
        note: Patch<String>,
    }

    #[test]
    fn absent_null_and_value_are_three_things() {
        let parse = |s: &str| serde_json::from_str::<Body>(s).unwrap().note;
        assert_eq!(parse("{}"), Patch::Absent);
        assert_eq!(parse(r#"{"note":null}"#), Patch::Null);
        assert_eq!(parse(r#"{"note":"x"}"#), Patch::Value("x".to_owned()));
        assert_eq!(parse("{}").into_change(), None);
        assert_eq!(parse(r#"{"note":null}"#).into_change(), Some(None));
    }
}
