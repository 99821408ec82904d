//! Validity of organizations by date.
//!
//! Units are created, renamed and merged (Tĩnh Gia became Nghi Sơn in 2020, Đông Sơn merged into
//! Thanh Hóa city), so every unit carries `valid_from`/`valid_to` and reports ask "as of" a date.
//! Both bounds are inclusive: `valid_to` is the last day the unit existed. An open bound is unbounded.

use chrono::NaiveDate;

/// The dates a record of this system may carry: decisions, policies and validity periods all
/// fall after the founding of the state (1945) and within the lifetime of the data. A date outside
/// (0000-01-01, 9999-12-31) is a typing or integration mistake, refused rather than stored.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1945, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};
/// See [`EARLIEST_DATE`].
pub const LATEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2100, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// A date outside [`EARLIEST_DATE`]..=[`LATEST_DATE`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be between 1945-01-01 and 2100-12-31 (got {0})")]
pub struct DateOutOfRange(pub NaiveDate);

/// Refuses a date no record of this system can carry.
pub fn check_record_date(date: NaiveDate) -> Result<(), DateOutOfRange> {
    if (EARLIEST_DATE..=LATEST_DATE).contains(&date) {
        Ok(())
    } else {
        Err(DateOutOfRange(date))
    }
}

/// The period during which a unit exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Validity {
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

/// A period whose end precedes its start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("valid_to ({valid_to}) is before valid_from ({valid_from})")]
pub struct InvertedPeriod {
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
}

impl Validity {
    /// Builds a period, refusing one that ends before it starts.
    pub fn new(
        valid_from: Option<NaiveDate>,
        valid_to: Option<NaiveDate>,
    ) -> Result<Self, InvertedPeriod> {
        if let (Some(from), Some(to)) = (valid_from, valid_to) {
            if to < from {
                return Err(InvertedPeriod {
                    valid_from: from,
                    valid_to: to,
                });
            }
        }
        Ok(Self {
            valid_from,
            valid_to,
        })
    }

    /// Whether the unit exists on at least one day of `[from, to]`.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= to) && self.valid_to.is_none_or(|t| t >= from)
    }

    /// Whether the unit exists on `date`.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| from <= date) && self.valid_to.is_none_or(|to| date <= to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_dates_lie_between_1945_and_2100() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        assert!(check_record_date(d(1945, 1, 1)).is_ok());
        assert!(check_record_date(d(2100, 12, 31)).is_ok());
        assert!(check_record_date(d(1944, 12, 31)).is_err());
        assert!(check_record_date(d(2101, 1, 1)).is_err());
        assert!(check_record_date(d(0, 1, 1)).is_err());
        assert!(check_record_date(d(9999, 12, 31)).is_err());
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn open_period_contains_everything() {
        let v = Validity::default();
        assert!(v.contains(d(1900, 1, 1)));
        assert!(v.contains(d(2100, 12, 31)));
    }

    #[test]
    fn bounds_are_inclusive() {
        // Tĩnh Gia: until 2020-05-31; Nghi Sơn from 2020-06-01.
        let tinh_gia = Validity::new(None, Some(d(2020, 5, 31))).unwrap_or_default();
        let nghi_son = Validity::new(Some(d(2020, 6, 1)), None).unwrap_or_default();
        assert!(tinh_gia.contains(d(2020, 5, 31)));
        assert!(!tinh_gia.contains(d(2020, 6, 1)));
        assert!(!nghi_son.contains(d(2020, 5, 31)));
        assert!(nghi_son.contains(d(2020, 6, 1)));
    }

    #[test]
    fn single_day_period() {
        let v = Validity::new(Some(d(2025, 7, 1)), Some(d(2025, 7, 1))).unwrap_or_default();
        assert!(v.contains(d(2025, 7, 1)));
        assert!(!v.contains(d(2025, 6, 30)));
        assert!(!v.contains(d(2025, 7, 2)));
    }

    #[test]
    fn overlap_with_a_year() {
        let (jan1, dec31) = (d(2020, 1, 1), d(2020, 12, 31));
        let tinh_gia = Validity::new(None, Some(d(2020, 5, 31))).unwrap_or_default();
        assert!(tinh_gia.overlaps(jan1, dec31));
        assert!(!tinh_gia.overlaps(d(2021, 1, 1), d(2021, 12, 31)));
        let later = Validity::new(Some(d(2020, 12, 31)), None).unwrap_or_default();
        assert!(later.overlaps(jan1, dec31));
        assert!(!later.overlaps(d(2019, 1, 1), d(2019, 12, 31)));
    }

    #[test]
    fn inverted_period_is_refused() {
        assert!(Validity::new(Some(d(2025, 7, 2)), Some(d(2025, 7, 1))).is_err());
    }
}
