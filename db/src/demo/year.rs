//! One year of demo data: plans, classes, sessions, visits, learners (some coming back),
//! enrollments, attendance, results and certificates, made against the province's `World`.

use super::*;

/// What every year is made against: the province's centers and programs, the demo's party
/// organizations, staff and lesson plans, and the policy.
pub(super) struct World {
    /// (id, name, district code) of each center.
    pub(super) centers: Vec<(Id, String, Option<String>)>,
    /// District sizes: larger districts hold more classes.
    pub(super) weights: Vec<f64>,
    pub(super) programs: Vec<Program>,
    pub(super) party_orgs: HashMap<Id, Vec<Id>>,
    /// Each center's lecturers, `true` for the part-time district leaders.
    pub(super) center_lecturers: HashMap<Id, Vec<(Id, bool)>>,
    /// (center, topic) → (lecturer, approved lesson plan).
    pub(super) plan_of: HashMap<(Id, Id), (Id, Id)>,
    /// Each lesson plan's revision after the 2020 congresses, when the years span it.
    pub(super) revised_of: HashMap<Id, Id>,
    pub(super) school: Id,
    pub(super) school_code: Option<String>,
    /// The unit hosting each center (its committee approves the center's plan).
    pub(super) host_of: HashMap<Id, Id>,
    /// How registers number certificates (the policy's format).
    pub(super) number_format: centers_domain::certificates::NumberFormat,
    pub(super) policy: PolicySet,
}

/// Someone who took a class at a center and may come back to another (a returning learner).
#[derive(Debug, Clone)]
struct Alumnus {
    id: Id,
    organization: Id,
    birth: NaiveDate,
    /// The last day of the class they took.
    ended: NaiveDate,
    /// Their admission to the party, once a member.
    admission: Option<NaiveDate>,
}

/// Each center's former learners who may come back, by what they took: the party-admission class
/// (then admitted, they take the new-member class), the new-member class (then, full members,
/// elementary theory), or a class for members (more of them: resolution studies, updates).
#[derive(Debug, Default)]
pub(super) struct Alumni {
    admitted: Vec<Alumnus>,
    new_members: Vec<Alumnus>,
    members: Vec<Alumnus>,
}

/// Percent of a program's learners who come back from an earlier class of the same center
/// (docs/decisions.md): new members who took its party-admission class, elementary-theory
/// learners who took its new-member class, members in the classes for members.
fn returning_share(category: &str) -> u128 {
    match category {
        "new_member" => 60,
        "elementary_theory" => 35,
        "party_work" | "knowledge_update" | "resolution_study" | "other" | "reserve_cadre" => 25,
        _ => 0,
    }
}

/// The first of `pool` (among its oldest 64) that `fits`, taken out of it.
fn take_first(pool: &mut Vec<Alumnus>, fits: impl Fn(&Alumnus) -> bool) -> Option<Alumnus> {
    let at = pool.iter().take(64).position(fits)?;
    Some(pool.remove(at))
}

/// A class made: (id, center index, program, start, end, sessions with their periods).
type MadeClass<'a> = (Id, usize, &'a Program, NaiveDate, NaiveDate, Vec<(Id, i32)>);

/// One year: plans, classes, sessions, visits, learners, enrollments, attendance, results,
/// certificates. Returns (classes, learner-enrollments).
#[allow(clippy::too_many_lines)]
pub(super) fn generate_year(
    conn: &mut DbConnection,
    rng: &mut StdRng,
    year: i32,
    world: &World,
    alumni: &mut HashMap<Id, Alumni>,
    progress: &mut dyn Progress,
    totals: &mut HashMap<&'static str, usize>,
) -> QueryResult<(usize, usize)> {
    let World {
        centers,
        weights,
        programs,
        party_orgs,
        center_lecturers,
        plan_of,
        revised_of,
        school,
        school_code,
        host_of,
        number_format,
        policy,
    } = world;
    let school = *school;
    let (class_total, enrollment_total) = year_targets(year);
    let by_category = |c: &str| programs.iter().find(|p| p.category == c);
    // Fixed parts: intermediate classes with the school, reserve cadres in every district.
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let intermediate = if year == ARTICLE_YEAR {
        ARTICLE_NON_CONCENTRATED_INTERMEDIATE
    } else {
        (ARTICLE_NON_CONCENTRATED_INTERMEDIATE as f64 * class_total as f64 / ARTICLE_CLASSES as f64)
            .round() as usize
    };
    let reserve = if year >= 2019 {
        centers.len()
    } else {
        centers.len() / 2
    };
    let others: Vec<&Program> = programs
        .iter()
        .filter(|p| !matches!(p.category.as_str(), "intermediate_theory" | "reserve_cadre"))
        .collect();
    let shares: Vec<f64> = others
        .iter()
        .map(|p| category_profile(&p.category).1)
        .collect();
    let other_counts = apportion(class_total - intermediate - reserve, &shares);

    // (center index, program, mode, term)
    let mut planned: Vec<(usize, &Program, &'static str, Option<String>)> = Vec::new();
    if let Some(p) = by_category("intermediate_theory") {
        for (ci, n) in apportion(intermediate, weights).into_iter().enumerate() {
            planned.extend((0..n).map(|_| (ci, p, "non_concentrated", None)));
        }
    }
    if let Some(p) = by_category("reserve_cadre") {
        let term = if year <= 2019 {
            "2020–2025"
        } else {
            "2021–2026"
        };
        for ci in 0..reserve {
            planned.push((ci, p, "concentrated", Some(term.to_owned())));
        }
    }
    for (p, n) in others.iter().zip(other_counts) {
        for (ci, k) in apportion(n, weights).into_iter().enumerate() {
            planned.extend((0..k).map(|_| (ci, *p, "concentrated", None)));
        }
    }
    // Learners per class: typical size with noise, scaled to the year's exact total.
    let raw: Vec<f64> = planned
        .iter()
        .map(|(_, p, _, _)| category_profile(&p.category).0 * rng.gen_range(0.7..1.3))
        .collect();
    let sizes = apportion(enrollment_total, &raw);

    // ---- approved plans with a line per program held ----
    let mut plan_rows = Vec::new();
    let mut line_rows = Vec::new();
    let mut line_of: HashMap<(usize, Id), Id> = HashMap::new();
    let decided = date(year - 1, 12, 20);
    for (ci, (center, _, code)) in centers.iter().enumerate() {
        // Approved by the standing committee governing the center, under its own numbering.
        let (committee, _, doc_code) =
            committee_words(conn, host_of.get(center).copied(), decided)?;
        let plan = uuid(rng);
        plan_rows.push((
            training_plans::id.eq(plan),
            training_plans::center_id.eq(*center),
            training_plans::year.eq(year),
            training_plans::revision.eq(1),
            training_plans::status.eq("approved"),
            training_plans::decision_number.eq(Some(format!(
                "{}-QĐ/{doc_code}",
                100 + ci + code.as_deref().map_or(0, str::len)
            ))),
            training_plans::decision_date.eq(Some(decided)),
            training_plans::decision_signer
                .eq(Some(format!("T/M Ban Thường vụ {committee}, Bí thư"))),
            training_plans::approved_at.eq(Some(at(decided, 10 * 60))),
            training_plans::version.eq(4),
            training_plans::created_at.eq(at(decided - Duration::days(30), 8 * 60)),
            training_plans::updated_at.eq(at(decided, 10 * 60)),
        ));
        for p in programs {
            let held: Vec<usize> = planned
                .iter()
                .enumerate()
                .filter(|(_, (c, q, _, _))| *c == ci && q.id == p.id)
                .map(|(i, _)| i)
                .collect();
            if held.is_empty() {
                continue;
            }
            let learners: usize = held.iter().map(|i| sizes[*i]).sum();
            let line = uuid(rng);
            // Plans are rarely met exactly: a class more or less, a few percent of learners.
            let planned_classes =
                i32::try_from(held.len()).unwrap_or(i32::MAX) + rng.gen_range(0..=1);
            #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
            let planned_learners = (learners as f64 * rng.gen_range(0.95..1.08)).round() as i32;
            line_rows.push((
                training_plan_lines::id.eq(line),
                training_plan_lines::plan_id.eq(plan),
                training_plan_lines::program_id.eq(p.id),
                training_plan_lines::planned_classes.eq(planned_classes.max(1)),
                training_plan_lines::planned_learners.eq(planned_learners.max(1)),
                training_plan_lines::version.eq(1),
                training_plan_lines::created_at.eq(at(decided - Duration::days(30), 8 * 60)),
                training_plan_lines::updated_at.eq(at(decided - Duration::days(30), 8 * 60)),
            ));
            line_of.insert((ci, p.id), line);
        }
    }
    progress.stage(
        &format!("{year}: plans"),
        (plan_rows.len() + line_rows.len()) as u64,
    );
    *totals.entry("training plans").or_default() +=
        insert_all!(conn, training_plans::table, &plan_rows, 1_000, progress);
    *totals.entry("plan lines").or_default() += insert_all!(
        conn,
        training_plan_lines::table,
        &line_rows,
        1_000,
        progress
    );

    // ---- classes, sessions, visits ----
    let mut class_rows = Vec::new();
    let mut session_rows = Vec::new();
    let mut visit_rows = Vec::new();
    // Per class: (id, center index, program, start, end, sessions [(id, periods)])
    let mut made: Vec<MadeClass<'_>> = Vec::new();
    let mut serial_in: HashMap<(usize, &str), usize> = HashMap::new();
    for (i, (ci, p, mode, term)) in planned.iter().enumerate() {
        let center = centers[*ci].0;
        let n = serial_in.entry((*ci, p.code.as_str())).or_default();
        *n += 1;
        let code = format!(
            "{}-{}-{:03}",
            p.code.to_uppercase().replace('_', ""),
            year % 100,
            n
        );
        // Classes run February to November; long programs start early.
        let start = date(year, 2, 1) + Duration::days(rng.gen_range(0..270));
        let days = match p.category.as_str() {
            "intermediate_theory" => 330,
            "elementary_theory" => 30,
            "reserve_cadre" => 15,
            _ => i64::try_from(p.topics.len().max(2)).unwrap_or(2),
        };
        let end = (start + Duration::days(days)).min(date(year, 12, 20));
        let class = uuid(rng);
        class_rows.push((
            classes::id.eq(class),
            classes::center_id.eq(center),
            classes::program_id.eq(p.id),
            classes::year.eq(year),
            classes::code.eq(code.clone()),
            classes::search_text.eq(fold(&format!("Lớp {code}"))),
            classes::name.eq(format!("Lớp {code}")),
            classes::mode.eq(*mode),
            classes::plan_line_id.eq(line_of.get(&(*ci, p.id)).copied()),
            classes::partner_id.eq((p.category == "intermediate_theory").then_some(school)),
            classes::term.eq(term.clone()),
            classes::start_date.eq(start),
            classes::end_date.eq(end),
            classes::location.eq(Some("Hội trường Trung tâm")),
            classes::capacity.eq(i32::try_from(sizes[i] + 20).unwrap_or(i32::MAX)),
            classes::status.eq("completed"),
            classes::version.eq(5),
            classes::created_at.eq(at(start - Duration::days(20), 8 * 60)),
            classes::updated_at.eq(at(end, 17 * 60)),
        ));
        // A sample of the timetable, one session each: the program's first two topics and its
        // last, on the local situation, taught by a district leader.
        let mut sessions = Vec::new();
        let last = p.topics.len().saturating_sub(1);
        let sampled = p
            .topics
            .iter()
            .enumerate()
            .filter(|(k, _)| *k < 2 || *k == last)
            .map(|(_, topic)| topic);
        for (t, (topic, periods)) in sampled.enumerate() {
            let Some((lecturer, lesson_plan)) = plan_of.get(&(center, *topic)) else {
                continue;
            };
            // No class on a Sunday: the day before, or after when the class starts that day.
            let mut day = start + Duration::days(i64::try_from(t).unwrap_or(0));
            if day.weekday() == chrono::Weekday::Sun {
                day = if day > start {
                    day - Duration::days(1)
                } else {
                    day + Duration::days(1)
                };
            }
            // Taught from the revised lesson plan once it is approved.
            let lesson_plan = match revised_of.get(lesson_plan) {
                Some(revised) if day > REVISED_ON => revised,
                _ => lesson_plan,
            };
            let periods = (*periods).clamp(1, 10);
            // Mornings from 7:30, five periods of 50 minutes at most; a longer day breaks for
            // lunch from 11:40 to 13:30.
            let lunch = if periods > 5 { 110 } else { 0 };
            let id = uuid(rng);
            session_rows.push((
                class_sessions::id.eq(id),
                class_sessions::class_id.eq(class),
                class_sessions::session_date.eq(day),
                class_sessions::start_minute.eq(450),
                class_sessions::end_minute.eq(450 + periods * 50 + lunch),
                class_sessions::periods.eq(periods),
                class_sessions::topic_id.eq(*topic),
                class_sessions::lecturer_id.eq(*lecturer),
                class_sessions::status.eq("taught"),
                class_sessions::lesson_plan_id.eq(Some(*lesson_plan)),
                class_sessions::version.eq(2),
                class_sessions::created_at.eq(at(start - Duration::days(10), 8 * 60)),
                class_sessions::updated_at.eq(at(day, 12 * 60)),
            ));
            sessions.push((id, periods));
            // One session in eight is visited by a colleague.
            if rng.gen_ratio(1, 8) {
                let staff = &center_lecturers[&center];
                let observer = staff
                    .iter()
                    .map(|s| s.0)
                    .find(|o| o != lecturer)
                    .unwrap_or(staff[0].0);
                let scores: std::collections::BTreeMap<String, f64> = policy
                    .observation
                    .criteria
                    .iter()
                    .map(|c| (c.code.clone(), f64::from(rng.gen_range(12..=20_u8)) / 2.0))
                    .collect();
                let values: Vec<(String, f64)> =
                    scores.iter().map(|(k, v)| (k.clone(), *v)).collect();
                if let Ok((total, average)) =
                    centers_domain::policies::score_visit(&policy.observation, &values)
                {
                    let band = policy.observation.band_of(average);
                    visit_rows.push((
                        class_visits::id.eq(uuid(rng)),
                        class_visits::session_id.eq(id),
                        class_visits::observer_id.eq(observer),
                        class_visits::scores_json
                            .eq(serde_json::to_string(&scores).unwrap_or_default()),
                        class_visits::total_score.eq(total),
                        class_visits::average_score.eq(average),
                        class_visits::rating_code
                            .eq(band.map(|b| b.code.clone()).unwrap_or_default()),
                        class_visits::rating_label
                            .eq(band.map(|b| b.label.clone()).unwrap_or_default()),
                        class_visits::created_at.eq(at(day, 12 * 60)),
                    ));
                }
            }
        }
        made.push((class, *ci, p, start, end, sessions));
    }
    progress.stage(
        &format!("{year}: classes"),
        (class_rows.len() + session_rows.len() + visit_rows.len()) as u64,
    );
    *totals.entry("classes").or_default() +=
        insert_all!(conn, classes::table, &class_rows, 1_000, progress);
    *totals.entry("sessions").or_default() +=
        insert_all!(conn, class_sessions::table, &session_rows, 1_000, progress);
    *totals.entry("visits").or_default() +=
        insert_all!(conn, class_visits::table, &visit_rows, 1_000, progress);

    // ---- learners, enrollments, attendance, results, certificates: class by class ----
    progress.stage(&format!("{year}: learners"), enrollment_total as u64);
    let mut serials: HashMap<(Id, i32), i32> = HashMap::new();
    let (
        mut learner_rows,
        mut enrollment_rows,
        mut attendance_rows,
        mut result_rows,
        mut certificate_rows,
    ) = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Returning learners: their row exists; their party status moves on (admitted, then full).
    let mut learner_updates: Vec<(Id, &'static str, Option<NaiveDate>)> = Vec::new();
    let mut counted = 0;
    for (i, (class, ci, p, start, end, sessions)) in made.iter().enumerate() {
        let (center, _, center_code) = &centers[*ci];
        let orgs = &party_orgs[center];
        // The counted enrollments, and now and then one withdrawn (not counted).
        let withdrawn = usize::from(rng.gen_ratio(1, 10));
        for k in 0..sizes[i] + withdrawn {
            let mut learner = uuid(rng);
            let mut org = orgs[rng.gen_range(0..orgs.len())];
            let (name, gender) = person(rng);
            let mut birth = date(
                year - rng.gen_range(19..55),
                rng.gen_range(1..=12),
                rng.gen_range(1..=28),
            );
            // A party status the program admits (its eligibility rule, checked as the
            // nomination would check it).
            let (status, admission) = match p.eligibility.membership {
                Some(MembershipRequirement::NonMember) => (PartyStatus::NonMember, None),
                Some(MembershipRequirement::RecentlyAdmitted) => (
                    PartyStatus::Probationary,
                    Some(*start - Duration::days(rng.gen_range(30..330))),
                ),
                Some(MembershipRequirement::Member) | None => (
                    PartyStatus::FullMember,
                    Some(birth + Duration::days(365 * 25)),
                ),
            };
            // Some come back from an earlier class of the center. Chosen from the draw's own
            // bits and the classes' dates, never by a new draw: every other value stays what
            // the same seed gave.
            let pool = alumni.entry(*center).or_default();
            let comes_back = learner.0.as_u128() % 100 < returning_share(&p.category);
            let window = u32::try_from(policy.new_member_window_months).unwrap_or(12);
            let earliest_admission = start
                .checked_sub_months(chrono::Months::new(window))
                .unwrap_or(*start);
            let back = match p.category.as_str() {
                // Admitted a month or more after their party-admission class, within the window.
                "new_member" if comes_back => take_first(&mut pool.admitted, |a| {
                    a.ended + Duration::days(30) < *start
                        && centers_domain::learners::birthday(
                            a.birth,
                            centers_domain::learners::ADMISSION_AGE,
                        ) < *start
                }),
                // Full members by then: admitted a year or more before the class.
                "elementary_theory" if comes_back => take_first(&mut pool.new_members, |a| {
                    a.ended < *start
                        && a.admission
                            .and_then(|d| d.checked_add_months(chrono::Months::new(12)))
                            .is_some_and(|full| full <= *start)
                }),
                _ if comes_back
                    && p.eligibility.membership != Some(MembershipRequirement::NonMember) =>
                {
                    take_first(&mut pool.members, |a| a.ended < *start)
                }
                _ => None,
            };
            let returning = back.is_some();
            let (status, admission) = match back {
                Some(a) => {
                    learner = a.id;
                    org = a.organization;
                    birth = a.birth;
                    match p.category.as_str() {
                        "new_member" => {
                            let admitted = admission
                                .unwrap_or(*start)
                                .max(a.ended + Duration::days(30))
                                .max(earliest_admission);
                            (PartyStatus::Probationary, Some(admitted))
                        }
                        _ => (PartyStatus::FullMember, a.admission.or(admission)),
                    }
                }
                None => (status, admission),
            };
            // Admitted on or after the 18th birthday (the statute), without a new draw.
            let admission = admission.map(|a| {
                a.max(centers_domain::learners::birthday(
                    birth,
                    centers_domain::learners::ADMISSION_AGE,
                ))
            });
            let who = Applicant {
                status,
                birth,
                admission,
            };
            check_eligibility(
                &p.eligibility,
                &who,
                *start,
                policy.new_member_window_months,
            )
            .map_err(|why| {
                diesel::result::Error::QueryBuilderError(
                    format!(
                        "demo learner for {}: {}: {}",
                        p.code, why.field, why.message
                    )
                    .into(),
                )
            })?;
            let status = status.as_str();
            let created = at(*start - Duration::days(14), 8 * 60);
            if returning {
                learner_updates.push((learner, status, admission));
            } else {
                learner_rows.push((
                    learners::id.eq(learner),
                    learners::party_organization_id.eq(org),
                    learners::search_text.eq(fold(&name)),
                    learners::full_name.eq(name),
                    learners::birth_date.eq(birth),
                    learners::gender.eq(gender),
                    learners::ethnicity.eq(Some(ethnicity(rng))),
                    learners::party_status.eq(status),
                    learners::admission_date.eq(admission),
                    learners::version.eq(1),
                    learners::created_at.eq(created),
                    learners::updated_at.eq(created),
                ));
            }
            let enrollment = uuid(rng);
            let outcome = if k >= sizes[i] {
                "withdrawn"
            } else if rng.gen_ratio(3, 100) {
                "failed"
            } else {
                "completed"
            };
            enrollment_rows.push((
                enrollments::id.eq(enrollment),
                enrollments::class_id.eq(*class),
                enrollments::learner_id.eq(learner),
                enrollments::party_organization_id.eq(org),
                enrollments::status.eq(outcome),
                enrollments::reason.eq((outcome == "withdrawn").then_some("Chuyển công tác")),
                enrollments::version.eq(4),
                enrollments::created_at.eq(created),
                enrollments::updated_at.eq(at(*end, 17 * 60)),
            ));
            if outcome == "withdrawn" {
                continue;
            }
            counted += 1;
            if outcome == "completed" {
                let alumnus = Alumnus {
                    id: learner,
                    organization: org,
                    birth,
                    ended: *end,
                    admission,
                };
                let pool = alumni.entry(*center).or_default();
                match p.category.as_str() {
                    "party_admission" => pool.admitted.push(alumnus),
                    "new_member" => pool.new_members.push(alumnus),
                    _ if p.eligibility.membership != Some(MembershipRequirement::NonMember) => {
                        pool.members.push(alumnus)
                    }
                    _ => {}
                }
            }
            // A failed learner missed sessions or scored below the pass mark.
            let missed = outcome == "failed" && p.eligibility.attendance_only;
            for (s, (session, _)) in sessions.iter().enumerate() {
                let absent = (missed && s == 0) || rng.gen_ratio(1, 60);
                attendance_rows.push((
                    attendance::id.eq(uuid(rng)),
                    attendance::session_id.eq(*session),
                    attendance::enrollment_id.eq(enrollment),
                    attendance::status.eq(if absent { "excused" } else { "present" }),
                    attendance::recorded_at.eq(at(*start, 11 * 60)),
                ));
            }
            let score = (!p.eligibility.attendance_only).then(|| {
                if outcome == "failed" {
                    rng.gen_range(25..50)
                } else {
                    rng.gen_range(55..98)
                }
            });
            let conduct = match rng.gen_range(0..100) {
                0..=69 => "good",
                70..=93 => "fair",
                94..=98 => "average",
                _ => "poor",
            };
            result_rows.push((
                results::id.eq(uuid(rng)),
                results::enrollment_id.eq(enrollment),
                results::score_tenths.eq(score),
                results::conduct.eq(Some(conduct)),
                results::version.eq(1),
                results::updated_at.eq(at(*end, 16 * 60)),
            ));
            // Drawn for every completion, issued or not: the seeded draws after it stay the same.
            let certificate_id = (outcome == "completed").then(|| uuid(rng));
            if let (Some(certificate_id), Some(issuer)) = (certificate_id, p.issuer) {
                use centers_domain::certificates::Issuer;
                let issued = *end + Duration::days(7);
                let (issuer, issuer_code) = match issuer {
                    Issuer::Center => (*center, center_code),
                    Issuer::ProvincialSchool => (school, school_code),
                };
                let serial = serials.entry((issuer, issued.year())).or_default();
                *serial += 1;
                let number = number_format.format(
                    issuer_code.as_deref().unwrap_or_default(),
                    issued.year(),
                    *serial,
                );
                let valid_until = (p.category == "party_admission").then(|| {
                    issued
                        .checked_add_months(chrono::Months::new(
                            u32::try_from(policy.certificate_validity_months).unwrap_or(60),
                        ))
                        .unwrap_or(issued)
                });
                certificate_rows.push((
                    certificates::id.eq(certificate_id),
                    certificates::enrollment_id.eq(enrollment),
                    certificates::center_id.eq(*center),
                    certificates::issuer_id.eq(issuer),
                    certificates::program_id.eq(p.id),
                    certificates::year.eq(issued.year()),
                    certificates::serial.eq(*serial),
                    certificates::suffix.eq(0),
                    certificates::number.eq(number),
                    certificates::issue_date.eq(issued),
                    certificates::signer.eq(if issuer == school {
                        "Hiệu trưởng Trường Chính trị tỉnh"
                    } else {
                        "Giám đốc Trung tâm"
                    }),
                    certificates::valid_until.eq(valid_until),
                    certificates::created_at.eq(at(issued, 9 * 60)),
                    // From the system's random source, not the seeded one: demo codes are not
                    // derivable from this file either.
                    certificates::verification_code.eq(crate::learners::new_verification_code()),
                ));
            }
        }
        // Write a class's worth at a time once enough has gathered, to bound memory.
        if learner_rows.len() >= 20_000 || i + 1 == made.len() {
            let n = learner_rows.len() as u64;
            *totals.entry("learners").or_default() +=
                insert_all!(conn, learners::table, &learner_rows, 2_000, Quiet);
            // After the inserts: a learner may come back in the batch that created it.
            for (id, status, admission) in learner_updates.drain(..) {
                diesel::update(learners::table.filter(learners::id.eq(id)))
                    .set((
                        learners::party_status.eq(status),
                        learners::admission_date.eq(admission),
                        learners::version.eq(learners::version + 1),
                    ))
                    .execute(conn)?;
            }
            *totals.entry("enrollments").or_default() +=
                insert_all!(conn, enrollments::table, &enrollment_rows, 3_000, Quiet);
            *totals.entry("attendance").or_default() +=
                insert_all!(conn, attendance::table, &attendance_rows, 5_000, Quiet);
            *totals.entry("results").or_default() +=
                insert_all!(conn, results::table, &result_rows, 4_000, Quiet);
            *totals.entry("certificates").or_default() +=
                insert_all!(conn, certificates::table, &certificate_rows, 2_000, Quiet);
            learner_rows.clear();
            enrollment_rows.clear();
            attendance_rows.clear();
            result_rows.clear();
            certificate_rows.clear();
            progress.advance(n);
        }
    }
    // The registers go on from where the demo left them.
    let counters: Vec<_> = serials
        .into_iter()
        .map(|((center, y), last)| {
            (
                certificate_counters::issuer_id.eq(center),
                certificate_counters::year.eq(y),
                certificate_counters::last_serial.eq(last),
            )
        })
        .collect();
    *totals.entry("certificate registers").or_default() +=
        insert_all!(conn, certificate_counters::table, &counters, 1_000, Quiet);
    Ok((made.len(), counted))
}
