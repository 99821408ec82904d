//! `cargo bench -p centers-domain`: the rules every request or import row runs, timed in a plain
//! loop (no framework: the figures only need to show the rules are microseconds or less, far
//! below a request's database and network time). Results and how to read them are in
//! docs/performance.md. Each line: the rule, nanoseconds per call (median of 5 runs).

use centers_domain::learners::{
    check_eligibility, outcome, parse_national_id, Applicant, PartyStatus,
};
use centers_domain::plans::{fulfilment_line, PlanAction, PlanStatus, PlanWorkflow};
use centers_domain::policies::{score_visit, PolicySet, Score};
use centers_domain::programs::{EligibilityRule, MembershipRequirement};
use centers_domain::teaching::workload;
use centers_domain::text::{contains_pattern, fold, normalize};
use centers_domain::workflow::step;
use chrono::NaiveDate;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Calls `f` in batches for about 200 ms, five times; prints the median nanoseconds per call.
fn bench(name: &str, mut f: impl FnMut()) {
    let mut runs = Vec::new();
    for _ in 0..5 {
        let (mut calls, start) = (0u64, Instant::now());
        while start.elapsed() < Duration::from_millis(200) {
            for _ in 0..100 {
                f();
            }
            calls += 100;
        }
        #[allow(clippy::cast_precision_loss)]
        runs.push(start.elapsed().as_nanos() as f64 / calls as f64);
    }
    runs.sort_by(f64::total_cmp);
    println!("{name:<58} {:>10.1} ns", runs[2]);
}

fn main() {
    let policy = PolicySet::standard();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let name = "Nguyễn Thị Phương Thảo — Chi bộ Thôn Đông, xã Quảng Phú";
    bench("text::normalize (NFC, 55 chars)", || {
        black_box(normalize(black_box(name)));
    });
    bench("text::fold (search key, 55 chars)", || {
        black_box(fold(black_box(name)));
    });
    bench("text::contains_pattern (search `q`)", || {
        black_box(contains_pattern(black_box("Phương Thảo")));
    });
    bench("learners::parse_national_id", || {
        black_box(parse_national_id(black_box(" 038090001234 ")));
    });
    let new_member = EligibilityRule {
        membership: Some(MembershipRequirement::RecentlyAdmitted),
        ..EligibilityRule::default()
    };
    bench(
        "learners::check_eligibility (new member, 12 months)",
        || {
            black_box(
                check_eligibility(
                    black_box(&new_member),
                    black_box(&Applicant {
                        status: PartyStatus::Probationary,
                        birth: day(1995, 1, 1),
                        admission: Some(day(2025, 6, 1)),
                    }),
                    day(2026, 3, 1),
                    12,
                )
                .is_ok(),
            );
        },
    );
    bench("learners::outcome (attendance and final score)", || {
        black_box(outcome(false, Some(black_box(0.85)), Some(72), &policy));
    });
    let Ok(score) = Score::parse(8.5) else {
        return;
    };
    bench("PolicySet::grade (band of a score)", || {
        black_box(policy.grade(black_box(score)));
    });
    bench("PolicySet::outcome_band (report band)", || {
        black_box(policy.outcome_band(black_box(Some(85))));
    });
    bench("PolicySet::problems (validate a whole policy set)", || {
        black_box(black_box(&policy).problems());
    });
    let scores: Vec<(String, f64)> = policy
        .observation
        .criteria
        .iter()
        .map(|c| (c.code.clone(), 8.0))
        .collect();
    bench("policies::score_visit (every criterion)", || {
        black_box(score_visit(&policy.observation, black_box(&scores)).is_ok());
    });
    let norm = policy.teaching_norms.first().cloned();
    bench("teaching::workload (standard hours vs norm)", || {
        black_box(workload(
            black_box(412),
            policy.hours_per_period,
            norm.as_ref(),
        ));
    });
    bench("workflow::step (plan: appraised → approve)", || {
        black_box(
            step::<PlanWorkflow>(black_box(PlanStatus::Appraised), PlanAction::Approve).is_ok(),
        );
    });
    bench("plans::fulfilment_line (4 quarterly lines)", || {
        black_box(fulfilment_line(
            black_box(&[Some(1), Some(2), Some(3), Some(4)]),
            Some(3),
        ));
    });
}
