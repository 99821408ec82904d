// The province's dashboard: plain JavaScript, one module, no build step. It calls only this
// API (same origin) with the caller's own token, so each role sees exactly what its scope lets
// the API answer. Data is put into the page as text nodes, never as HTML.

const API = "/api/v1";
const main = document.getElementById("main");
const nav = document.getElementById("nav");
const session = document.getElementById("session");
const yearSelect = document.getElementById("year");

// ---- formatting (vi-VN: 1.188 lớp, 97,0 %, 06/12/2026) ----
const whole = new Intl.NumberFormat("vi-VN");
const oneDecimal = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const num = (n) => (n === null || n === undefined ? "—" : whole.format(n));
const pct = (x) => (x === null || x === undefined ? "—" : `${oneDecimal.format(x * 100)} %`);
const dec = (x) => (x === null || x === undefined ? "—" : oneDecimal.format(x));
export const day = (iso) =>
  new Date(`${iso}T00:00:00`).toLocaleDateString("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric" });

// ---- DOM ----
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function show(title, ...content) {
  for (const chart of charts.splice(0)) chart.destroy();
  main.replaceChildren(el("h2", {}, title), ...content);
  // Charts are drawn once their canvas is in the page (Chart.js measures its box).
  for (const draw of pendingCharts.splice(0)) draw();
  document.title = `${title} — Trung tâm Chính trị`;
  // A new page starts at its top, with the keyboard's focus on its content.
  window.scrollTo(0, 0);
  main.focus({ preventScroll: true });
}

// ---- session: tokens in sessionStorage, refreshed a minute before they expire ----
const store = window.sessionStorage;
let refreshTimer = null;
let me = null;
let labels = {};
const charts = [];
const pendingCharts = [];

function saveTokens(t) {
  store.setItem("access", t.access_token);
  store.setItem("refresh", t.refresh_token);
  store.setItem("expires", String(Date.now() + t.expires_in * 1000));
  scheduleRefresh();
}

function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const expires = Number(store.getItem("expires") || 0);
  if (!expires) return;
  refreshTimer = setTimeout(refresh, Math.max(5000, expires - Date.now() - 60000));
}

async function refresh() {
  const token = store.getItem("refresh");
  if (!token) return false;
  const r = await fetch(`${API}/auth/refresh`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ refresh_token: token }),
  });
  if (!r.ok) {
    endSession();
    return false;
  }
  saveTokens(await r.json());
  return true;
}

function endSession() {
  clearTimeout(refreshTimer);
  store.clear();
  me = null;
  nav.hidden = true;
  session.hidden = true;
  location.hash = "#/dang-nhap";
}

class Problem extends Error {}

/** Reads the API; a problem answer becomes an error in words (its `detail`, else its title). */
async function call(path, { method = "GET", body, accept = "application/json", retried = false } = {}) {
  const headers = { Accept: accept };
  const token = store.getItem("access");
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const r = await fetch(`${API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status === 401 && token && !retried && (await refresh())) {
    return call(path, { method, body, accept, retried: true });
  }
  if (r.status === 401 && token) {
    endSession();
    throw new Problem("Phiên làm việc đã hết hạn, xin đăng nhập lại.");
  }
  if (!r.ok) {
    let text = `Lỗi ${r.status}`;
    try {
      const p = await r.json();
      text = p.detail || p.title || text;
    } catch (_) { /* not JSON */ }
    throw new Problem(text);
  }
  if (accept === "application/json") return r.status === 204 ? null : r.json();
  return r.blob();
}

/** Downloads one of the API's own exports (CSV or XLSX) of `path`. */
async function download(path, kind, name) {
  const accept = kind === "csv" ? "text/csv"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const blob = await call(path, { accept });
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: `${name}.${kind}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const label = (kind, code) => (labels[kind] && labels[kind][code]) || code;
const year = () => Number(yearSelect.value);

// ---- pieces ----
function figures(items) {
  return el("dl", { class: "figures" },
    items.map(([name, value, id]) => el("div", {}, el("dt", {}, name), el("dd", { "data-figure": id }, value))));
}

/** A table whose columns sort when their header button is pressed (keyboard too). */
function table(caption, columns, rows, { id } = {}) {
  let sortBy = null;
  let descending = false;
  const body = el("tbody");
  const render = () => {
    const sorted = [...rows];
    if (sortBy !== null) {
      const c = columns[sortBy];
      sorted.sort((a, b) => {
        const x = c.value(a);
        const y = c.value(b);
        const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "vi");
        return descending ? -order : order;
      });
    }
    body.replaceChildren(...sorted.map((r) =>
      el("tr", {}, columns.map((c) => el("td", { class: c.numeric ? "num" : null }, c.show ? c.show(r) : c.value(r))))));
  };
  const head = el("tr", {}, columns.map((c, i) => {
    const th = el("th", { scope: "col", class: c.numeric ? "num" : null, "aria-sort": "none" });
    th.append(el("button", {
      type: "button",
      onclick: () => {
        descending = sortBy === i ? !descending : false;
        sortBy = i;
        for (const other of head.children) other.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        render();
      },
    }, c.name));
    return th;
  }));
  render();
  const wrap = el("div", { class: "table-wrap" },
    el("table", { id }, el("caption", { class: "note" }, caption), el("thead", {}, head), body));
  wrap.render = render;
  return wrap;
}

/** A list of the API shown page by page: the first page at once, each next one when asked
 * ("Xem thêm"), following `next_cursor` — never a silent cut at the first page. */
async function listTable(path, columns, { id, caption, empty }) {
  const first = await call(path);
  const rows = [...first.items];
  if (!rows.length) return el("p", { class: "note", id }, empty);
  const total = first.total ?? rows.length;
  const wrap = table(caption(total), columns, rows, { id });
  let next = first.next_cursor;
  if (!next) return wrap;
  const more = el("button", {
    type: "button",
    "data-more": id,
    onclick: async () => {
      more.disabled = true;
      const page = await call(`${path}&cursor=${encodeURIComponent(next)}`);
      rows.push(...page.items);
      next = page.next_cursor;
      wrap.render();
      more.disabled = false;
      if (!next) more.remove();
    },
  }, "Xem thêm");
  return el("div", {}, wrap, el("div", { class: "actions" }, more));
}

function chart(kind, labelsOf, datasets, name, scales) {
  const canvas = el("canvas", { role: "img", "aria-label": name });
  const box = el("div", { class: "chart" }, canvas);
  pendingCharts.push(() => {
    if (!window.Chart) return;
    charts.push(new window.Chart(canvas, {
      type: kind,
      data: { labels: labelsOf, datasets },
      options: {
        maintainAspectRatio: false,
        animation: false,
        locale: "vi-VN",
        plugins: { legend: { display: datasets.length > 1 } },
        scales,
      },
    }));
  });
  return box;
}

function exportButtons(path, name) {
  const status = el("span", { class: "note", role: "status" });
  const go = (kind) => async () => {
    status.textContent = "Đang tải xuống…";
    try {
      await download(path, kind, name);
      status.textContent = `Đã tải ${name}.${kind}`;
    } catch (e) {
      status.textContent = e.message;
    }
  };
  return el("div", { class: "actions" },
    el("button", { type: "button", onclick: go("csv"), "data-download": "csv" }, "Tải CSV"),
    el("button", { type: "button", onclick: go("xlsx"), "data-download": "xlsx" }, "Tải XLSX"),
    status);
}

const centerLink = (r) => el("a", { href: `#/trung-tam/${r.center_id}` }, r.center_name || r.center_code);

// ---- pages ----
async function overview() {
  const y = year();
  const [byCenter, byCategory] = await Promise.all([
    call(`/reports/summary?from=${y}&to=${y}&group_by=center`),
    call(`/reports/summary?from=${y}&to=${y}&group_by=category`),
  ]);
  const t = byCenter.total;
  show(`Tổng quan năm ${y}`,
    figures([
      ["Số lớp mở", `${num(t.classes)} lớp`, "classes"],
      ["Lượt học viên", num(t.enrollments), "enrollments"],
      ["Số học viên", num(t.learners), "learners"],
      ["Tỷ lệ đạt", pct(t.pass_rate), "pass_rate"],
      ["Chứng chỉ đã cấp", num(t.certificates), "certificates"],
    ]),
    el("h3", {}, "Lượt học viên theo nhóm chương trình"),
    chart("bar", byCategory.rows.map((r) => label("ProgramCategory", r.category)),
      [{ label: "Lượt học viên", data: byCategory.rows.map((r) => r.enrollments), backgroundColor: "#0b4f9c" }],
      "Biểu đồ lượt học viên theo nhóm chương trình"),
    el("h3", {}, "Các trung tâm"),
    exportButtons(`/reports/summary?from=${y}&to=${y}&group_by=center`, `tong-hop-${y}`),
    table(`${num(byCenter.rows.length)} trung tâm`, [
      { name: "Trung tâm", value: (r) => r.center_name, show: centerLink },
      { name: "Số lớp", value: (r) => r.classes, show: (r) => num(r.classes), numeric: true },
      { name: "Lượt học viên", value: (r) => r.enrollments, show: (r) => num(r.enrollments), numeric: true },
      { name: "Số học viên", value: (r) => r.learners, show: (r) => num(r.learners), numeric: true },
      { name: "Tỷ lệ đạt", value: (r) => r.pass_rate ?? -1, show: (r) => pct(r.pass_rate), numeric: true },
      { name: "Chứng chỉ", value: (r) => r.certificates, show: (r) => num(r.certificates), numeric: true },
    ], byCenter.rows, { id: "centers" }));
  performance.mark("overview-rendered");
}

async function plans() {
  const y = year();
  const [status, fulfilment] = await Promise.all([
    call(`/reports/plans?year=${y}`),
    call(`/reports/plan-fulfilment?year=${y}`),
  ]);
  const t = fulfilment.total;
  // Where each center stands: approved, pending (drafted, submitted, appraised or returned), or
  // missing; the figures of fulfilment beside it.
  const standing = new Map(status.centers.map((c) => [c.center_id, c.status]));
  const rows = fulfilment.centers.map((r) => ({ ...r, standing: standing.get(r.center_id) || "none" }));
  const badge = (code) => {
    const kind = code === "approved" ? "badge-ok" : code === "none" ? "badge-missing" : "badge-pending";
    return el("span", { class: kind }, label("PlanStanding", code));
  };
  show(`Kế hoạch năm ${y}`,
    figures([
      ["Trung tâm có kế hoạch được duyệt", `${num(status.centers_with_approved_plan)}/${num(status.centers_total)}`, "approved"],
      ["Lớp: kế hoạch / thực hiện", `${num(t.planned_classes)} / ${num(t.held_classes)}`, "classes"],
      ["Học viên: kế hoạch / thực hiện", `${num(t.planned_learners)} / ${num(t.learners)}`, "learners"],
      ["Đạt kế hoạch (lượt học viên)", pct(t.learners_fulfilment), "fulfilment"],
    ]),
    exportButtons(`/reports/plan-fulfilment?year=${y}`, `thuc-hien-ke-hoach-${y}`),
    table("Kế hoạch và thực hiện của từng trung tâm", [
      { name: "Trung tâm", value: (r) => r.center_name, show: centerLink },
      { name: "Kế hoạch", value: (r) => label("PlanStanding", r.standing), show: (r) => badge(r.standing) },
      { name: "Lớp kế hoạch", value: (r) => r.planned_classes, show: (r) => num(r.planned_classes), numeric: true },
      { name: "Lớp đã mở", value: (r) => r.held_classes, show: (r) => num(r.held_classes), numeric: true },
      { name: "Học viên kế hoạch", value: (r) => r.planned_learners, show: (r) => num(r.planned_learners), numeric: true },
      { name: "Lượt học viên", value: (r) => r.learners, show: (r) => num(r.learners), numeric: true },
      { name: "Đạt (học viên)", value: (r) => r.learners_fulfilment ?? -1, show: (r) => pct(r.learners_fulfilment), numeric: true },
    ], rows, { id: "plans" }));
}

async function lecturers() {
  const y = year();
  const [load, teaching] = await Promise.all([
    call(`/reports/lecturers?year=${y}`),
    call(`/reports/teaching?year=${y}`),
  ]);
  show(`Giảng viên năm ${y}`,
    figures([
      ["Giảng viên", num(load.lecturers), "lecturers"],
      ["Tiết đã giảng", num(load.periods_taught), "periods"],
      ["Tỷ lệ tiết của giảng viên kiêm chức", pct(load.part_time_share), "part_time_share"],
      ["Đạt định mức / chưa đạt", `${num(load.norm_reached)} / ${num(load.norm_not_reached)}`, "norm"],
    ]),
    el("h3", {}, "Tiết giảng theo loại giảng viên"),
    chart("bar", load.by_kind.map((k) => label("LecturerKind", k.kind)),
      [{ label: "Tiết đã giảng", data: load.by_kind.map((k) => k.periods_taught), backgroundColor: "#8a1c1c" }],
      "Biểu đồ tiết giảng theo loại giảng viên"),
    exportButtons(`/reports/teaching?year=${y}`, `giang-day-${y}`),
    table("Tỷ lệ tiết của giảng viên kiêm chức ở từng trung tâm", [
      { name: "Trung tâm", value: (r) => r.center_name, show: centerLink },
      { name: "Tiết đã giảng", value: (r) => r.periods_taught, show: (r) => num(r.periods_taught), numeric: true },
      { name: "Kiêm chức", value: (r) => r.part_time_share ?? -1, show: (r) => pct(r.part_time_share), numeric: true },
    ], teaching.centers, { id: "teaching" }),
    el("h3", {}, "Khối lượng giảng dạy so với định mức"),
    table("Giảng viên có định mức giảng dạy", [
      { name: "Họ và tên", value: (l) => l.full_name },
      { name: "Đơn vị", value: (l) => l.organization_name },
      { name: "Giờ chuẩn", value: (l) => l.standard_hours, show: (l) => dec(l.standard_hours), numeric: true },
      { name: "Định mức", value: (l) => l.norm_lecturing_hours, show: (l) => num(l.norm_lecturing_hours), numeric: true },
      { name: "Đạt định mức", value: (l) => l.norm_fulfilment ?? -1, show: (l) => pct(l.norm_fulfilment), numeric: true },
      { name: "Vượt giờ", value: (l) => l.overtime_hours, show: (l) => dec(l.overtime_hours), numeric: true },
    ], load.items.filter((l) => l.norm_lecturing_hours !== null), { id: "workload" }));
}

async function quality() {
  const y = year();
  const q = await call(`/reports/quality?year=${y}`);
  const t = q.total;
  show(`Chất lượng năm ${y}`,
    figures([
      ["Buổi giảng có giáo án duyệt trước", pct(t.approved_before_teaching_share), "approved_before"],
      ["Buổi giảng ứng dụng CNTT", pct(t.it_use_share), "it_use"],
      ["Lượt dự giờ", num(t.visits), "visits"],
      ["Điểm dự giờ bình quân", dec(t.average_visit_score), "visit_score"],
    ]),
    exportButtons(`/reports/quality?year=${y}`, `chat-luong-${y}`),
    table("Giáo án và dự giờ của từng trung tâm", [
      { name: "Trung tâm", value: (r) => r.center_name, show: centerLink },
      { name: "Buổi đã giảng", value: (r) => r.sessions_taught, show: (r) => num(r.sessions_taught), numeric: true },
      { name: "Giáo án duyệt trước", value: (r) => r.approved_before_teaching_share ?? -1, show: (r) => pct(r.approved_before_teaching_share), numeric: true },
      { name: "Lượt dự giờ", value: (r) => r.visits, show: (r) => num(r.visits), numeric: true },
      { name: "Điểm bình quân", value: (r) => r.average_visit_score ?? -1, show: (r) => dec(r.average_visit_score), numeric: true },
    ], q.centers, { id: "quality" }));
}

async function coverage() {
  const y = year();
  const from = y - 4;
  const [cover, trends] = await Promise.all([
    call(`/reports/coverage?from=${from}&to=${y}`),
    call(`/reports/trends?from=${from}&to=${y}`),
  ]);
  show(`Bao phủ và xu hướng ${from}–${y}`,
    figures([
      ["Trung tâm đã mở lớp dự nguồn", `${num(cover.centers_covered)}/${num(cover.centers_total)}`, "covered"],
      ["Lớp dự nguồn", num(cover.classes), "reserve_classes"],
      ["Lượt học viên dự nguồn", num(cover.enrollments), "reserve_enrollments"],
    ]),
    el("h3", {}, "Lượt học viên và số lớp qua các năm"),
    chart("line", trends.rows.map((r) => String(r.year)), [
      { label: "Lượt học viên", data: trends.rows.map((r) => r.enrollments), borderColor: "#0b4f9c", yAxisID: "y" },
      { label: "Số lớp", data: trends.rows.map((r) => r.classes), borderColor: "#8a1c1c", yAxisID: "classes" },
    ], "Biểu đồ xu hướng lượt học viên và số lớp",
    // Classes are a hundredth of the enrolments: on one axis their line would lie flat.
    {
      y: { position: "left", beginAtZero: true, title: { display: true, text: "Lượt học viên" } },
      classes: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "Số lớp" } },
    }),
    exportButtons(`/reports/trends?from=${from}&to=${y}`, `xu-huong-${from}-${y}`),
    table("Từng năm so với năm trước", [
      { name: "Năm", value: (r) => r.year, numeric: true },
      { name: "Số lớp", value: (r) => r.classes, show: (r) => num(r.classes), numeric: true },
      { name: "Lượt học viên", value: (r) => r.enrollments, show: (r) => num(r.enrollments), numeric: true },
      { name: "Tăng/giảm", value: (r) => r.enrollments_change ?? 0, show: (r) => num(r.enrollments_change), numeric: true },
      { name: "Tốc độ tăng", value: (r) => r.enrollments_growth ?? 0, show: (r) => pct(r.enrollments_growth), numeric: true },
    ], trends.rows, { id: "trends" }));
}

async function center(id) {
  const y = year();
  const summary = await call(`/reports/summary?from=${y}&to=${y}&group_by=center`);
  if (!id) {
    // The province picks a center; a center's own account has one.
    const rows = summary.rows;
    if (rows.length === 1) return center(rows[0].center_id);
    const pick = el("select", { id: "center-pick" },
      el("option", { value: "" }, "— chọn trung tâm —"),
      rows.map((r) => el("option", { value: r.center_id }, r.center_name)));
    pick.addEventListener("change", () => { if (pick.value) location.hash = `#/trung-tam/${pick.value}`; });
    return show("Trung tâm", el("label", { for: "center-pick" }, "Trung tâm "), pick);
  }
  const row = summary.rows.find((r) => r.center_id === id);
  const classColumns = [
    { name: "Mã lớp", value: (c) => c.code },
    { name: "Tên lớp", value: (c) => c.name },
    { name: "Khai giảng", value: (c) => c.start_date, show: (c) => day(c.start_date) },
    { name: "Trạng thái", value: (c) => label("ClassStatus", c.status) },
  ];
  const [fulfilment, outcomes, running, classes, staff] = await Promise.all([
    call(`/reports/plan-fulfilment?year=${y}`),
    call(`/reports/outcomes?from=${y}&to=${y}&group_by=center`),
    listTable(`/classes?center_id=${id}&status=in_progress&limit=50`, classColumns,
      { id: "running", caption: (n) => `${num(n)} lớp đang học`, empty: "Không có lớp nào đang học." }),
    listTable(`/classes?center_id=${id}&year=${y}&limit=50`, classColumns,
      { id: "classes", caption: (n) => `${num(n)} lớp khai giảng năm ${y}`, empty: `Không có lớp nào khai giảng năm ${y}.` }),
    listTable(`/lecturers?organization_id=${id}&limit=50`, [
      { name: "Họ và tên", value: (l) => l.full_name },
      { name: "Loại", value: (l) => label("LecturerKind", l.kind) },
    ], { id: "lecturers", caption: (n) => `${num(n)} giảng viên`, empty: "Chưa có giảng viên." }),
  ]);
  const plan = fulfilment.centers.find((r) => r.center_id === id);
  const outcome = outcomes.rows.find((r) => r.center_id === id);
  show(row ? row.center_name : "Trung tâm",
    figures([
      ["Số lớp mở", `${num(row ? row.classes : 0)} lớp`, "classes"],
      ["Lớp hoạt động trong năm", `${num(row ? row.classes_running : 0)} lớp`, "classes_running"],
      ["Lượt học viên", num(row ? row.enrollments : 0), "enrollments"],
      ["Tỷ lệ đạt", pct(row ? row.pass_rate : null), "pass_rate"],
      ["Kế hoạch", plan && plan.has_approved_plan ? "Đã phê duyệt" : "Chưa được duyệt", "plan"],
      ["Đạt kế hoạch (lượt học viên)", pct(plan ? plan.learners_fulfilment : null), "fulfilment"],
    ]),
    el("h3", {}, "Kết quả học tập"),
    outcome
      ? table("Xếp loại của học viên đã kết thúc khóa học", [
        { name: "Xếp loại", value: (g) => g.label },
        { name: "Lượt học viên", value: (g) => g.enrollments, show: (g) => num(g.enrollments), numeric: true },
      ], outcome.grades, { id: "grades" })
      : el("p", { class: "note" }, "Chưa có học viên kết thúc khóa học."),
    el("h3", {}, "Lớp đang học"),
    running,
    el("h3", {}, `Các lớp khai giảng năm ${y}`),
    classes,
    el("h3", {}, "Giảng viên"),
    staff);
}

function login() {
  nav.hidden = true;
  session.hidden = true;
  const error = el("p", { class: "error", role: "alert" });
  const user = el("input", { id: "username", name: "username", autocomplete: "username", required: true });
  const pass = el("input", { id: "password", name: "password", type: "password", autocomplete: "current-password", required: true });
  const form = el("form", { class: "login" },
    el("label", { for: "username" }, "Tên đăng nhập"), user,
    el("label", { for: "password" }, "Mật khẩu"), pass,
    el("button", { type: "submit", class: "primary" }, "Đăng nhập"), error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    try {
      const r = await fetch(`${API}/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ username: user.value.trim(), password: pass.value }),
      });
      if (!r.ok) {
        const p = await r.json().catch(() => ({}));
        error.textContent = r.status === 401
          ? "Tên đăng nhập hoặc mật khẩu không đúng."
          : p.detail || p.title || `Lỗi ${r.status}`;
        return;
      }
      saveTokens(await r.json());
      await start();
    } catch (e) {
      error.textContent = `Không kết nối được máy chủ: ${e.message}`;
    }
  });
  show("Đăng nhập", form);
  user.focus();
}

/** After login (or a reload with a live session): who the caller is, the labels, the years. */
async function start() {
  me = await call("/me");
  labels = await call("/labels");
  const now = new Date().getFullYear();
  const years = await call(`/reports/summary?from=${now - 10}&to=${now}&group_by=year`);
  const held = years.rows.filter((r) => r.classes > 0).map((r) => r.year);
  const chosen = Number(store.getItem("year")) || (held.length ? Math.max(...held) : now);
  yearSelect.replaceChildren(...Array.from({ length: 11 }, (_, i) => now - i)
    .map((y) => el("option", { value: String(y), selected: y === chosen }, String(y))));
  document.getElementById("who").textContent = `${me.display_name || me.name} · ${me.scope.name}`;
  nav.hidden = false;
  session.hidden = false;
  const landing = me.scope.kind === "center" ? `#/trung-tam/${me.scope.id}` : "#/tong-quan";
  if (!location.hash || location.hash === "#/dang-nhap" || location.hash === landing) {
    location.hash = landing;
    await route();
  } else {
    location.hash = landing;
  }
}

const pages = { "tong-quan": overview, "ke-hoach": plans, "giang-vien": lecturers, "chat-luong": quality, "bao-phu": coverage, "trung-tam": center };

async function route() {
  const [, page, id] = location.hash.split("/");
  if (!store.getItem("access")) return login();
  if (!me) return start();
  for (const a of nav.querySelectorAll("a")) {
    if (a.dataset.page === page) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const view = pages[page];
  if (!view) {
    location.hash = me.scope.kind === "center" ? `#/trung-tam/${me.scope.id}` : "#/tong-quan";
    return undefined;
  }
  try {
    await view(id);
  } catch (e) {
    show("Không tải được số liệu", el("p", { class: "error", role: "alert" }, e.message));
  }
  return undefined;
}

document.getElementById("logout").addEventListener("click", async () => {
  const token = store.getItem("refresh");
  try {
    await call("/auth/logout", { method: "POST", body: { refresh_token: token } });
  } catch (_) { /* the session ends here anyway */ }
  endSession();
});
yearSelect.addEventListener("change", () => {
  store.setItem("year", yearSelect.value);
  route();
});
window.addEventListener("hashchange", route);
scheduleRefresh();
route();
