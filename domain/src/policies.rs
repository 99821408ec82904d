//! Province policies: the numbers a province changes without a release (`domain.md` marks them
//! *(policy)*). They are data with an effective date; the rules here evaluate against a policy
//! value passed in, never a constant.

use serde::{Deserialize, Serialize};

/// A score on the scale of 10, held in hundredths so that band edges compare exactly
/// (4.99 fails, 5.00 passes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(i32);

/// Why a number is not a score.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    #[error("must be between 0 and 10")]
    OutOfRange,
    #[error("must have at most two decimals")]
    TooPrecise,
}

impl Score {
    /// Parses a score given as a decimal number (e.g. 6.75).
    pub fn parse(value: f64) -> Result<Score, ScoreError> {
        if !value.is_finite() || !(0.0..=10.0).contains(&value) {
            return Err(ScoreError::OutOfRange);
        }
        let hundredths = (value * 100.0).round();
        if (value * 100.0 - hundredths).abs() > 1e-6 {
            return Err(ScoreError::TooPrecise);
        }
        // In range by the check above: 0..=1000.
        Ok(Score(hundredths as i32))
    }

    pub fn hundredths(self) -> i32 {
        self.0
    }
}

/// The outcome bands outside the policy's grade bands: no final score, and a failing one.
const NO_SCORE: (&str, &str) = ("khong_diem", "Không có điểm");
const FAILED_SCORE: (&str, &str) = ("khong_dat", "Không đạt");

/// A grade band: scores from `from` up to the next band's `from` (the last one up to 10).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    /// Lowest score of the band, inclusive.
    #[cfg_attr(feature = "openapi", schema(minimum = 0.0))]
    pub from: f64,
    /// Stable code: `trung_binh`, `kha`, `gioi`, `xuat_sac`.
    #[cfg_attr(feature = "openapi", schema(pattern = "\\S"))]
    pub code: String,
    /// Vietnamese label: Trung bình, Khá, Giỏi, Xuất sắc.
    #[cfg_attr(feature = "openapi", schema(pattern = "\\S"))]
    pub label: String,
}

/// Yearly teaching norm (giờ chuẩn) of a position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TeachingNorm {
    /// `director`, `deputy_director`, `full_time_lecturer`, ...
    #[cfg_attr(feature = "openapi", schema(pattern = "\\S"))]
    pub position: String,
    /// Hours per year in all.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub total_hours: i32,
    /// Of which lecturing (at most the total).
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub lecturing_hours: i32,
}

/// One criterion of a class visit (dự giờ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ObservationCriterion {
    pub code: String,
    pub label: String,
}

/// How observers score a taught session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ObservationPolicy {
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub criteria: Vec<ObservationCriterion>,
    /// Each criterion is scored from 0 to this.
    #[cfg_attr(feature = "openapi", schema(exclusive_minimum = 0.0))]
    pub scale_max: f64,
    /// Rating bands of a visit by its average score, ascending from 0 (Chưa đạt, Đạt, Khá,
    /// Giỏi).
    #[serde(default = "ObservationPolicy::standard_bands")]
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub rating_bands: Vec<GradeBand>,
}

impl ObservationPolicy {
    /// The standard bands on a scale of 10: below 5 not satisfactory, 5 satisfactory, 7 good,
    /// 8.5 excellent. (Not in the sources; the province sets its own.)
    pub fn standard_bands() -> Vec<GradeBand> {
        let band = |from: f64, code: &str, label: &str| GradeBand {
            from,
            code: code.into(),
            label: label.into(),
        };
        vec![
            band(0.0, "chua_dat", "Chưa đạt yêu cầu"),
            band(5.0, "dat", "Đạt yêu cầu"),
            band(7.0, "kha", "Khá"),
            band(8.5, "gioi", "Giỏi"),
        ]
    }

    /// The band of a visit whose criteria average `average`: the last band starting at or below.
    pub fn band_of(&self, average: f64) -> Option<&GradeBand> {
        self.rating_bands.iter().rev().find(|b| average >= b.from)
    }
}

/// Why a visit's scores do not fit the observation policy, per criterion code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreProblem {
    pub criterion: String,
    pub message: String,
}

/// Checks a visit's scores against the policy: every criterion scored once, each from 0 to the
/// scale's top with at most one decimal, no other code. Returns (total, average) when they fit.
pub fn score_visit(
    policy: &ObservationPolicy,
    scores: &[(String, f64)],
) -> Result<(f64, f64), Vec<ScoreProblem>> {
    let mut problems = Vec::new();
    for (code, value) in scores {
        if !policy.criteria.iter().any(|c| &c.code == code) {
            problems.push(ScoreProblem {
                criterion: code.clone(),
                message: "is not a criterion of the observation policy in force that day".into(),
            });
        } else if !(value.is_finite() && (0.0..=policy.scale_max).contains(value))
            || ((value * 10.0).round() - value * 10.0).abs() > 1e-9
        {
            problems.push(ScoreProblem {
                criterion: code.clone(),
                message: format!(
                    "must be from 0 to {} with at most one decimal",
                    policy.scale_max
                ),
            });
        }
        if scores.iter().filter(|(c, _)| c == code).count() > 1 {
            problems.push(ScoreProblem {
                criterion: code.clone(),
                message: "is scored more than once".into(),
            });
        }
    }
    for c in &policy.criteria {
        if !scores.iter().any(|(code, _)| code == &c.code) {
            problems.push(ScoreProblem {
                criterion: c.code.clone(),
                message: format!("is required ({})", c.label),
            });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let total: f64 = scores.iter().map(|(_, v)| v).sum();
    let n = policy.criteria.len().max(1) as f64;
    // Rounded to hundredths: what a report shows and compares.
    let average = (total / n * 100.0).round() / 100.0;
    Ok(((total * 10.0).round() / 10.0, average))
}

/// The full set of policies in force from a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicySet {
    /// Share of periods a learner must attend to sit the final assessment (0.8 = 80 %).
    #[cfg_attr(feature = "openapi", schema(exclusive_minimum = 0.0, maximum = 1.0))]
    pub min_attendance_ratio: f64,
    /// Lowest passing score on the scale of 10 (at most two decimals).
    #[cfg_attr(feature = "openapi", schema(exclusive_minimum = 0.0, maximum = 10.0))]
    pub passing_score: f64,
    /// Grade bands, ascending; the first starts at the passing score; each from 0 to 10.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub grade_bands: Vec<GradeBand>,
    /// How many retakes a learner who failed may sit.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub retake_limit: i32,
    /// New-member programs: admission no longer ago than this many months.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub new_member_window_months: i32,
    /// Months a party-admission certificate stays valid.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub certificate_validity_months: i32,
    /// Days after the completion decision within which certificates are issued.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub certificate_issue_deadline_days: i32,
    /// Teaching norms by position (positions unique).
    pub teaching_norms: Vec<TeachingNorm>,
    /// Fewest learners for a class to open.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub min_class_size: i32,
    /// Class-visit criteria and scale.
    pub observation: ObservationPolicy,
    /// Standard hours (giờ chuẩn) one taught period counts for in a lecturer's workload.
    #[serde(default = "PolicySet::standard_hours_per_period")]
    #[cfg_attr(feature = "openapi", schema(exclusive_minimum = 0.0, maximum = 10.0))]
    pub hours_per_period: f64,
    /// How a register numbers its certificates: `{issuer}` (the issuer's code), `{year}` and
    /// `{serial}` or `{serial:0N}` (N digits), each once (`domain::certificates::NumberFormat`).
    #[serde(default = "PolicySet::standard_certificate_number_format")]
    #[cfg_attr(feature = "openapi", schema(example = "{issuer}/{year}/{serial:06}"))]
    pub certificate_number_format: String,
}

/// A policy value that breaks a rule, with the field it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyProblem {
    pub field: String,
    pub message: String,
}

/// The outcome of a final score under a policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub passed: bool,
    /// The band for a passing score; `None` when failed.
    pub band: Option<GradeBand>,
}

impl PolicySet {
    /// The standard values of `domain.md` (Thanh Hóa's starting point). The minimum class size is
    /// not in the sources; 10 is a placeholder for the province to set.
    pub fn standard() -> PolicySet {
        let band = |from: f64, code: &str, label: &str| GradeBand {
            from,
            code: code.into(),
            label: label.into(),
        };
        let norm = |position: &str, total: i32, lecturing: i32| TeachingNorm {
            position: position.into(),
            total_hours: total,
            lecturing_hours: lecturing,
        };
        let criterion = |code: &str, label: &str| ObservationCriterion {
            code: code.into(),
            label: label.into(),
        };
        PolicySet {
            min_attendance_ratio: 0.8,
            passing_score: 5.0,
            grade_bands: vec![
                band(5.0, "trung_binh", "Trung bình"),
                band(7.0, "kha", "Khá"),
                band(8.0, "gioi", "Giỏi"),
                band(9.0, "xuat_sac", "Xuất sắc"),
            ],
            retake_limit: 1,
            new_member_window_months: 12,
            certificate_validity_months: 60,
            certificate_issue_deadline_days: 15,
            teaching_norms: vec![
                norm("director", 40, 30),
                norm("deputy_director", 60, 40),
                norm("full_time_lecturer", 120, 90),
            ],
            min_class_size: 10,
            observation: ObservationPolicy {
                criteria: vec![
                    criterion("content", "Nội dung"),
                    criterion("method", "Phương pháp"),
                    criterion("theory_practice", "Liên hệ lý luận với thực tiễn"),
                    criterion("it_use", "Ứng dụng công nghệ thông tin"),
                    criterion("time_management", "Quản lý thời gian"),
                ],
                scale_max: 10.0,
                rating_bands: ObservationPolicy::standard_bands(),
            },
            hours_per_period: 1.0,
            certificate_number_format: Self::standard_certificate_number_format(),
        }
    }

    /// The numbers issued before the format was a policy: `406/2019/000123`.
    pub fn standard_certificate_number_format() -> String {
        crate::certificates::DEFAULT_NUMBER_FORMAT.to_owned()
    }

    /// The certificate number format, parsed (a stored set was checked when it was written).
    pub fn number_format(&self) -> Result<crate::certificates::NumberFormat, String> {
        crate::certificates::NumberFormat::parse(&self.certificate_number_format)
    }

    /// One period counts for one standard hour unless the province says otherwise.
    pub fn standard_hours_per_period() -> f64 {
        1.0
    }

    /// Every rule the set breaks (empty when valid).
    pub fn problems(&self) -> Vec<PolicyProblem> {
        let mut out = Vec::new();
        let mut bad = |field: &str, message: &str| {
            out.push(PolicyProblem {
                field: field.into(),
                message: message.into(),
            })
        };
        if !(self.min_attendance_ratio.is_finite()
            && self.min_attendance_ratio > 0.0
            && self.min_attendance_ratio <= 1.0)
        {
            bad("min_attendance_ratio", "must be above 0 and at most 1");
        }
        if Score::parse(self.passing_score).is_err() || self.passing_score <= 0.0 {
            bad(
                "passing_score",
                "must be above 0 and at most 10, with at most two decimals",
            );
        }
        if self.grade_bands.is_empty() {
            bad("grade_bands", "must not be empty");
        }
        for (i, b) in self.grade_bands.iter().enumerate() {
            if Score::parse(b.from).is_err() {
                bad(
                    &format!("grade_bands[{i}].from"),
                    "must be a score from 0 to 10",
                );
            }
            if b.code.trim().is_empty() || b.label.trim().is_empty() {
                bad(
                    &format!("grade_bands[{i}]"),
                    "code and label must not be empty",
                );
            }
            if i > 0 && self.grade_bands[i - 1].from >= b.from {
                bad(&format!("grade_bands[{i}].from"), "bands must ascend");
            }
        }
        if self
            .grade_bands
            .first()
            .is_some_and(|b| b.from != self.passing_score)
        {
            bad(
                "grade_bands[0].from",
                "the first band must start at the passing score",
            );
        }
        if self.retake_limit < 0 {
            bad("retake_limit", "must not be negative");
        }
        if let Err(e) = crate::certificates::NumberFormat::parse(&self.certificate_number_format) {
            bad("certificate_number_format", &e);
        }
        for (field, v) in [
            ("new_member_window_months", self.new_member_window_months),
            (
                "certificate_validity_months",
                self.certificate_validity_months,
            ),
            (
                "certificate_issue_deadline_days",
                self.certificate_issue_deadline_days,
            ),
            ("min_class_size", self.min_class_size),
        ] {
            if v < 1 {
                bad(field, "must be at least 1");
            }
        }
        for (i, n) in self.teaching_norms.iter().enumerate() {
            if n.position.trim().is_empty() {
                bad(
                    &format!("teaching_norms[{i}].position"),
                    "must not be empty",
                );
            }
            if n.total_hours < 0 || n.lecturing_hours < 0 || n.lecturing_hours > n.total_hours {
                bad(
                    &format!("teaching_norms[{i}]"),
                    "hours must be 0 or more, lecturing at most the total",
                );
            }
            if self.teaching_norms[..i]
                .iter()
                .any(|o| o.position == n.position)
            {
                bad(
                    &format!("teaching_norms[{i}].position"),
                    "positions must be unique",
                );
            }
        }
        if self.observation.criteria.is_empty() {
            bad("observation.criteria", "must not be empty");
        }
        // Written so that NaN is refused too.
        if self.observation.scale_max.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
            bad("observation.scale_max", "must be above 0");
        }
        let bands = &self.observation.rating_bands;
        if bands.is_empty() || bands.first().is_some_and(|b| b.from != 0.0) {
            bad(
                "observation.rating_bands",
                "must not be empty and must start at 0",
            );
        }
        for (i, b) in bands.iter().enumerate() {
            if i > 0 && bands[i - 1].from >= b.from {
                bad(
                    &format!("observation.rating_bands[{i}].from"),
                    "bands must ascend",
                );
            }
            if b.code.trim().is_empty() || b.label.trim().is_empty() {
                bad(
                    &format!("observation.rating_bands[{i}]"),
                    "code and label must not be empty",
                );
            }
        }
        if !(self.hours_per_period.is_finite()
            && self.hours_per_period > 0.0
            && self.hours_per_period <= 10.0)
        {
            bad("hours_per_period", "must be above 0 and at most 10");
        }
        out
    }

    /// Grades a final score.
    pub fn grade(&self, score: Score) -> Grade {
        let passing = Score::parse(self.passing_score).unwrap_or(Score(500));
        if score < passing {
            return Grade {
                passed: false,
                band: None,
            };
        }
        let band = self
            .grade_bands
            .iter()
            .rev()
            .find(|b| Score::parse(b.from).is_ok_and(|from| score >= from))
            .cloned();
        Grade { passed: true, band }
    }

    /// Where a finished learner's final score (in tenths) falls in the outcome report: the
    /// band of a passing score, `khong_dat` below the passing score, `khong_diem` without a
    /// score (attendance-only programs, or no assessment sat). Codes and Vietnamese labels.
    pub fn outcome_band(&self, final_tenths: Option<i32>) -> (String, String) {
        let Some(tenths) = final_tenths else {
            return (NO_SCORE.0.into(), NO_SCORE.1.into());
        };
        let grade = self.grade(Score::parse(f64::from(tenths) / 10.0).unwrap_or(Score(0)));
        match (grade.passed, grade.band) {
            (true, Some(b)) => (b.code, b.label),
            // A pass below the lowest band cannot happen with valid bands; count it a pass.
            (true, None) => ("dat".into(), "Đạt".into()),
            (false, _) => (FAILED_SCORE.0.into(), FAILED_SCORE.1.into()),
        }
    }

    /// Every outcome band in report order: no score, below passing, then the policy's bands.
    pub fn outcome_bands(&self) -> Vec<(String, String)> {
        [NO_SCORE, FAILED_SCORE]
            .iter()
            .map(|(c, l)| ((*c).to_owned(), (*l).to_owned()))
            .chain(
                self.grade_bands
                    .iter()
                    .map(|b| (b.code.clone(), b.label.clone())),
            )
            .collect()
    }

    /// Whether a learner who attended `attended` of `total` periods may sit the final assessment.
    /// Compared in whole numbers (basis points) so that 79.9 % fails and 80 % passes exactly.
    pub fn may_sit_final(&self, attended: u32, total: u32) -> bool {
        if total == 0 || attended > total {
            return false;
        }
        let required_bp = (self.min_attendance_ratio * 10_000.0).round() as u64;
        u64::from(attended) * 10_000 >= required_bp * u64::from(total)
    }

    /// The teaching norm of a position.
    pub fn norm_for(&self, position: &str) -> Option<&TeachingNorm> {
        self.teaching_norms.iter().find(|n| n.position == position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_are_scored_against_the_policy_in_force() {
        let policy = PolicySet::standard().observation;
        let all = |v: f64| -> Vec<(String, f64)> {
            policy
                .criteria
                .iter()
                .map(|c| (c.code.clone(), v))
                .collect()
        };
        assert_eq!(score_visit(&policy, &all(8.5)), Ok((42.5, 8.5)));
        assert_eq!(policy.band_of(8.5).map(|b| b.code.as_str()), Some("gioi"));
        assert_eq!(policy.band_of(8.49).map(|b| b.code.as_str()), Some("kha"));
        assert_eq!(
            policy.band_of(4.99).map(|b| b.code.as_str()),
            Some("chua_dat")
        );
        let mut missing = all(7.0);
        missing.pop();
        assert_eq!(score_visit(&policy, &missing).map_err(|p| p.len()), Err(1));
        let mut unknown = all(7.0);
        unknown.push(("charisma".into(), 9.0));
        assert!(score_visit(&policy, &unknown).is_err());
        assert!(score_visit(&policy, &all(10.5)).is_err());
        assert!(score_visit(&policy, &all(7.25)).is_err());
        // A stored policy from before the bands existed still reads, with the standard bands.
        let mut json = serde_json::to_value(PolicySet::standard()).unwrap();
        json["observation"]
            .as_object_mut()
            .map(|o| o.remove("rating_bands"));
        json.as_object_mut().map(|o| o.remove("hours_per_period"));
        let old: PolicySet = serde_json::from_value(json).unwrap();
        assert_eq!(old, PolicySet::standard());
    }

    #[test]
    fn outcome_bands_at_their_edges() {
        let p = PolicySet::standard();
        assert_eq!(p.outcome_band(None).0, "khong_diem");
        assert_eq!(p.outcome_band(Some(49)).0, "khong_dat");
        assert_eq!(p.outcome_band(Some(0)).0, "khong_dat");
        assert_eq!(p.outcome_band(Some(50)).0, "trung_binh");
        assert_eq!(p.outcome_band(Some(69)).0, "trung_binh");
        assert_eq!(p.outcome_band(Some(70)), ("kha".into(), "Khá".into()));
        assert_eq!(p.outcome_band(Some(89)).0, "gioi");
        assert_eq!(p.outcome_band(Some(90)).0, "xuat_sac");
        assert_eq!(p.outcome_band(Some(100)).0, "xuat_sac");
        let codes: Vec<String> = p.outcome_bands().into_iter().map(|b| b.0).collect();
        assert_eq!(
            codes,
            [
                "khong_diem",
                "khong_dat",
                "trung_binh",
                "kha",
                "gioi",
                "xuat_sac"
            ]
        );
    }

    fn band_at(p: &PolicySet, score: f64) -> Option<String> {
        p.grade(Score::parse(score).unwrap_or(Score(0)))
            .band
            .map(|b| b.code)
    }

    #[test]
    fn standard_set_is_valid() {
        assert_eq!(PolicySet::standard().problems(), vec![]);
    }

    #[test]
    fn grade_band_edges() {
        let p = PolicySet::standard();
        assert!(!p.grade(Score::parse(4.99).unwrap_or(Score(0))).passed);
        assert_eq!(band_at(&p, 4.99), None);
        assert_eq!(band_at(&p, 5.0).as_deref(), Some("trung_binh"));
        assert_eq!(band_at(&p, 6.99).as_deref(), Some("trung_binh"));
        assert_eq!(band_at(&p, 7.0).as_deref(), Some("kha"));
        assert_eq!(band_at(&p, 7.99).as_deref(), Some("kha"));
        assert_eq!(band_at(&p, 8.0).as_deref(), Some("gioi"));
        assert_eq!(band_at(&p, 8.99).as_deref(), Some("gioi"));
        assert_eq!(band_at(&p, 9.0).as_deref(), Some("xuat_sac"));
        assert_eq!(band_at(&p, 10.0).as_deref(), Some("xuat_sac"));
        assert_eq!(band_at(&p, 0.0), None);
    }

    #[test]
    fn bands_follow_the_policy_passed_in() {
        let mut p = PolicySet::standard();
        p.passing_score = 6.0;
        p.grade_bands[0].from = 6.0;
        assert!(!p.grade(Score(599)).passed);
        assert!(p.grade(Score(600)).passed);
    }

    #[test]
    fn attendance_edges() {
        let p = PolicySet::standard();
        assert!(!p.may_sit_final(799, 1000), "79.9 %");
        assert!(p.may_sit_final(800, 1000), "80 %");
        assert!(!p.may_sit_final(15, 19), "78.9 %");
        assert!(p.may_sit_final(16, 20));
        assert!(p.may_sit_final(20, 20));
        assert!(!p.may_sit_final(0, 0));
        assert!(!p.may_sit_final(21, 20));
    }

    #[test]
    fn scores_parse_exactly() {
        assert_eq!(Score::parse(4.99).map(Score::hundredths), Ok(499));
        assert_eq!(Score::parse(10.0).map(Score::hundredths), Ok(1000));
        assert_eq!(Score::parse(10.01), Err(ScoreError::OutOfRange));
        assert_eq!(Score::parse(-0.5), Err(ScoreError::OutOfRange));
        assert_eq!(Score::parse(5.555), Err(ScoreError::TooPrecise));
        assert_eq!(Score::parse(f64::NAN), Err(ScoreError::OutOfRange));
    }

    #[test]
    fn norms_and_overtime() {
        let p = PolicySet::standard();
        let director = p.norm_for("director").cloned().unwrap_or(TeachingNorm {
            position: String::new(),
            total_hours: 0,
            lecturing_hours: 0,
        });
        assert_eq!((director.total_hours, director.lecturing_hours), (40, 30));
        assert_eq!(
            p.norm_for("deputy_director")
                .map(|n| (n.total_hours, n.lecturing_hours)),
            Some((60, 40))
        );
        assert_eq!(
            p.norm_for("full_time_lecturer")
                .map(|n| (n.total_hours, n.lecturing_hours)),
            Some((120, 90))
        );
        // Overtime is one rule, `teaching::workload`: standard hours above the lecturing norm
        // (30 for a director), not the total norm (40, which also counts other duties).
        let w = crate::teaching::workload(31, p.hours_per_period, Some(&director));
        assert_eq!((w.standard_hours, w.overtime_hours), (31.0, 1.0));
        let w = crate::teaching::workload(30, p.hours_per_period, Some(&director));
        assert_eq!(w.overtime_hours, 0.0);
    }

    #[test]
    fn invalid_sets_name_their_fields() {
        let mut p = PolicySet::standard();
        p.min_attendance_ratio = 1.2;
        p.grade_bands.swap(1, 2);
        p.teaching_norms[0].lecturing_hours = 50;
        p.min_class_size = 0;
        let fields: Vec<String> = p.problems().into_iter().map(|x| x.field).collect();
        assert!(fields.contains(&"min_attendance_ratio".to_owned()));
        assert!(fields.contains(&"grade_bands[2].from".to_owned()));
        assert!(fields.contains(&"teaching_norms[0]".to_owned()));
        assert!(fields.contains(&"min_class_size".to_owned()));
    }
}
