"""The dashboard in a real browser (issue 24): headless Chromium over WebDriver (selenium),
against a server loaded with the 2019 demo data. Run by `.ci/browser` on each backend.
Accounts: `admin`, a center administrator and a province viewer, made by `.ci/browser`.

Checks: login (a wrong password shows an error in words), every page opens and shows the API's
figures (1.188 classes and 117.342 learner-enrollments for 2019), the centers table has 27 rows
for the province and one for a center administrator, CSV and XLSX downloads arrive, no console
error and no CSP violation, no axe-core WCAG 2 A/AA violation, keyboard reachability, logout.
Saves a screenshot of each page (1366x768, and the overview at 390 px) and the time from login
to the overview's figures (Performance API) in a JSON file."""
import argparse
import csv
import json
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
import zipfile

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PAGES = {"ke-hoach": "Kế hoạch", "giang-vien": "Giảng viên", "chat-luong": "Chất lượng",
         "bao-phu": "Bao phủ"}


def api(base, path, token):
    req = urllib.request.Request(base + "/api/v1" + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def token(base, user, password):
    req = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                 data=json.dumps({"username": user, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)["access_token"]


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1366,768", "--lang=vi-VN"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False})
    service = webdriver.ChromeService(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


class Check:
    def __init__(self, driver, axe, shots):
        self.driver, self.axe, self.shots = driver, axe, shots
        # A page replaces its content when its data arrives: an element found a moment before
        # may be gone when read, which only means "not yet".
        self.wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException,
                                                                  NoSuchElementException))

    def text(self, css):
        def shown(d):
            e = d.find_element(By.CSS_SELECTOR, css)
            return e.is_displayed() and (e.text or " ")
        return self.wait.until(shown).strip()

    def figure(self, name):
        return self.text(f'[data-figure="{name}"]')

    def heading(self, contains):
        self.wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "main h2"), contains))

    def rows(self, table):
        self.text(f"#{table} tbody")
        return len(self.driver.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr"))

    def clean_console(self, where):
        # One error is the test's own doing: the wrong password it submits on purpose answers
        # 401, which Chromium logs as a failed resource. Nothing else is tolerated.
        errors = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"
                  and not ("/api/v1/auth/login" in e["message"] and "401" in e["message"])]
        assert not errors, f"{where}: console errors {errors}"

    def accessible(self, where):
        self.driver.execute_script(self.axe)
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
            ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length + ' ' + v.help)))"
            ".catch(e => done(['axe failed: ' + e]));")
        assert not result, f"{where}: axe violations {result}"

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.shots, f"{name}.png"))

    def fits(self, where, width):
        """The page never scrolls sideways at this window width (wide tables scroll in their box)."""
        scroll = self.driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width, f"{where}: the page is {scroll} px wide in a {width}-px window"


def walk(base, path, token):
    """Every item of a list of the API, following `next_cursor`."""
    items, cursor = [], None
    while True:
        page = api(base, path + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else ""), token)
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return items


def check_csv(name, summary):
    """The CSV export: a header, a row per center, the total; its figures are the API's."""
    with open(name, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, centers, total = rows[0], rows[1:-1], rows[-1]
    assert len(centers) == len(summary["rows"]), (len(centers), len(summary["rows"]))
    col = header.index("Lượt học viên")
    assert sum(int(r[col]) for r in centers) == summary["total"]["enrollments"]
    assert int(total[col]) == summary["total"]["enrollments"], total
    assert int(total[header.index("Số lớp mở")]) == summary["total"]["classes"], total
    names = {r["center_name"] for r in summary["rows"]}
    assert {r[header.index("Trung tâm")] for r in centers} == names


def check_xlsx(name, summary):
    """The XLSX export opens as a workbook: a row per center and the total, numbers kept numbers."""
    with zipfile.ZipFile(name) as z:
        assert z.testzip() is None
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    ns = {"s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rows = sheet.findall(".//s:sheetData/s:row", ns)
    assert len(rows) == len(summary["rows"]) + 2, len(rows)
    numbers = [float(c.find("s:v", ns).text) for c in rows[-1].findall("s:c", ns)
               if c.get("t") in (None, "n") and c.find("s:v", ns) is not None]
    assert summary["total"]["enrollments"] in numbers and summary["total"]["classes"] in numbers, numbers


def log_in(c, user, password):
    c.driver.find_element(By.ID, "username").clear()
    c.driver.find_element(By.ID, "username").send_keys(user)
    c.driver.find_element(By.ID, "password").clear()
    c.driver.find_element(By.ID, "password").send_keys(password)
    c.driver.execute_script("window.__loginAt = performance.now();")
    c.driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]").click()


def rendered_after_login(c):
    """Milliseconds from the click on *Đăng nhập* to the overview's figures and table drawn."""
    return c.wait.until(lambda d: d.execute_script(
        "const m = performance.getEntriesByName('overview-rendered');"
        "return m.length ? m[m.length - 1].startTime - window.__loginAt : null;"))


def measure(a, times):
    """The benchmark (`bench/dashboard.sh`): `times` logins as `admin`, each timed from the click
    to the overview of the latest year drawn, read from the browser's Performance API."""
    shots = os.path.join(a.out, a.label)
    os.makedirs(shots, exist_ok=True)
    driver = browser(shots)
    c = Check(driver, "", shots)
    spans = []
    try:
        for _ in range(times):
            driver.get(a.base + "/")
            c.text("form.login")
            log_in(c, "admin", a.admin_password)
            c.heading("Tổng quan năm")
            spans.append(round(rendered_after_login(c)))
            heading = driver.find_element(By.CSS_SELECTOR, "main h2").text
            c.clean_console("measured logins")
            driver.find_element(By.ID, "logout").click()
            c.text("form.login")
        c.shot("tong-quan-measured")
    finally:
        driver.quit()
    result = {"page": heading, "logins": spans, "min_ms": min(spans),
              "median_ms": statistics.median(spans), "max_ms": max(spans)}
    with open(os.path.join(shots, "timings.json"), "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)
    print(json.dumps(result, ensure_ascii=False))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--admin-password", required=True)
    p.add_argument("--center-user", required=True)
    p.add_argument("--center-password", required=True)
    p.add_argument("--axe", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--label", required=True)
    p.add_argument("--measure", type=int, default=0,
                   help="only time this many logins to the overview (the benchmark), no checks")
    a = p.parse_args()
    if a.measure:
        return measure(a, a.measure)
    shots = os.path.join(a.out, a.label)
    downloads = os.path.join(shots, "downloads")
    os.makedirs(downloads, exist_ok=True)
    axe = open(a.axe, encoding="utf-8").read()
    admin = token(a.base, "admin", a.admin_password)
    summary = api(a.base, "/reports/summary?from=2019&to=2019&group_by=center", admin)
    assert summary["total"]["classes"] == 1188 and summary["total"]["enrollments"] == 117342, summary["total"]

    driver = browser(downloads)
    c = Check(driver, axe, shots)
    timings = {}
    try:
        driver.get(a.base + "/")
        c.text("form.login")
        # Before login there is no session: no year to choose, nobody to log out.
        assert not driver.find_element(By.ID, "logout").is_displayed(), "logout shown before login"
        assert not driver.find_element(By.ID, "year").is_displayed(), "year shown before login"
        c.accessible("login")
        c.shot("01-dang-nhap")
        # The keyboard: the skip link comes first in the page's order, and the form is filled
        # and sent with Tab alone (the page puts the caret in the first field).
        first = driver.execute_script(
            "return document.querySelector('a[href], button, input, select').className")
        assert first == "skip", first
        assert driver.switch_to.active_element.get_attribute("id") == "username"
        ActionChains(driver).send_keys(Keys.TAB).perform()
        assert driver.switch_to.active_element.get_attribute("id") == "password"
        ActionChains(driver).send_keys(Keys.TAB).perform()
        assert driver.switch_to.active_element.get_attribute("type") == "submit"
        log_in(c, "admin", "not-the-password")
        assert "không đúng" in c.text("form.login .error"), "a wrong password is said in words"

        log_in(c, "admin", a.admin_password)
        c.heading("Tổng quan năm 2019")
        assert c.figure("classes") == "1.188 lớp", c.figure("classes")
        assert c.figure("enrollments") == "117.342", c.figure("enrollments")
        assert c.figure("learners") == f"{summary['total']['learners']:,}".replace(",", ".")
        assert c.rows("centers") == 27
        timings["login_to_overview_ms"] = rendered_after_login(c)
        c.accessible("overview")
        c.fits("overview", 1366)
        c.shot("02-tong-quan")
        # The API's own exports arrive as files.
        for kind in ["csv", "xlsx"]:
            driver.find_element(By.CSS_SELECTOR, f'[data-download="{kind}"]').click()
            name = os.path.join(downloads, f"tong-hop-2019.{kind}")
            for _ in range(100):
                if os.path.exists(name) and os.path.getsize(name) > 0:
                    break
                time.sleep(0.1)
            assert os.path.getsize(name) > 0, f"{name} arrived"
            # Chromium writes the file under a temporary name, then renames it: once it has
            # its name, it is whole.
            (check_csv if kind == "csv" else check_xlsx)(name, summary)
        # A table sorts from its header, by keyboard too.
        header = driver.find_element(By.CSS_SELECTOR, "#centers thead th:nth-child(3) button")
        header.send_keys(Keys.ENTER)
        header.send_keys(Keys.ENTER)
        first = driver.find_element(By.CSS_SELECTOR, "#centers tbody tr td:nth-child(3)").text
        most = max(r["enrollments"] for r in summary["rows"])
        assert first == f"{most:,}".replace(",", "."), (first, most)

        for i, (page, title) in enumerate(PAGES.items(), start=3):
            driver.get(f"{a.base}/dashboard/#/{page}")
            c.heading(title)
            c.text(".figures dd")
            c.accessible(page)
            c.fits(page, 1366)
            c.shot(f"0{i}-{page}")
        assert c.rows("trends") == 5
        lecturers = api(a.base, "/reports/lecturers?year=2019", admin)
        driver.get(f"{a.base}/dashboard/#/giang-vien")
        c.heading("Giảng viên năm 2019")
        normed = [l for l in lecturers["items"] if l["norm_lecturing_hours"] is not None]
        assert c.rows("workload") == len(normed) > 0
        plans = api(a.base, "/reports/plans?year=2019", admin)
        approved = sum(1 for r in plans["centers"] if r["status"] == "approved")
        fulfilment = api(a.base, "/reports/plan-fulfilment?year=2019", admin)
        driver.get(f"{a.base}/dashboard/#/ke-hoach")
        c.heading("Kế hoạch năm 2019")
        assert c.rows("plans") == len(fulfilment["centers"]) == 27
        shown = len(driver.find_elements(By.CSS_SELECTOR, "#plans .badge-ok"))
        assert shown == approved, (shown, approved)
        # The center with the most classes: more than a page of them, read on with "Xem thêm".
        center = max(summary["rows"], key=lambda r: r["classes"])
        driver.get(f"{a.base}/dashboard/#/trung-tam/{center['center_id']}")
        c.heading(center["center_name"])
        assert c.figure("enrollments") == f"{center['enrollments']:,}".replace(",", ".")
        assert c.figure("classes_running") == f"{center['classes_running']:,} lớp".replace(",", ".")
        c.accessible("center")
        c.fits("center", 1366)
        c.shot("07-trung-tam")
        classes = walk(a.base, f"/classes?center_id={center['center_id']}&year=2019&limit=100", admin)
        assert len(classes) > 50, "the test's center has more than a page of classes"
        while driver.find_elements(By.CSS_SELECTOR, '[data-more="classes"]'):
            driver.find_element(By.CSS_SELECTOR, '[data-more="classes"]').click()
            c.wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, '[data-more="classes"]:disabled'))
        assert c.rows("classes") == len(classes), (c.rows("classes"), len(classes))
        shown = {e.text for e in driver.find_elements(By.CSS_SELECTOR, "#classes tbody tr td:first-child")}
        assert shown == {k["code"] for k in classes}
        running = walk(a.base, f"/classes?center_id={center['center_id']}&status=in_progress&limit=100", admin)
        if running:
            assert c.rows("running") == min(len(running), 50)
        else:
            assert "Không có lớp nào đang học" in c.text("#running")
        c.clean_console("province pages")

        # A 390-px phone: no page scrolls sideways.
        driver.set_window_size(390, 844)
        for page, title in [("tong-quan", "Tổng quan"), *PAGES.items(),
                            (f"trung-tam/{center['center_id']}", center["center_name"])]:
            driver.get(f"{a.base}/dashboard/#/{page}")
            c.heading(title)
            c.text(".figures dd")
            c.fits(f"{page} at 390 px", 390)
            if page == "tong-quan":
                c.shot("08-tong-quan-390px")
        driver.set_window_size(1366, 768)

        driver.find_element(By.ID, "logout").click()
        c.text("form.login")
        assert driver.execute_script("return sessionStorage.getItem('access')") is None
        assert not driver.find_element(By.ID, "logout").is_displayed(), "logout shown after logout"

        # A center administrator lands on its own center and sees only it.
        log_in(c, a.center_user, a.center_password)
        c.text('[data-figure="classes"]')
        assert "/trung-tam/" in driver.current_url, driver.current_url
        driver.get(f"{a.base}/dashboard/#/tong-quan")
        c.heading("Tổng quan")
        assert c.rows("centers") == 1
        c.shot("09-trung-tam-quan-tri-vien")
        c.clean_console("center pages")
        driver.find_element(By.ID, "logout").click()
        c.text("form.login")

        # A province viewer sees every center; the pages offer it nothing to change (their only
        # buttons sort, download, choose the year or log out).
        log_in(c, "tinh.xem", "tinh-password-1")
        c.heading("Tổng quan năm 2019")
        assert c.rows("centers") == 27
        buttons = {b.text for b in driver.find_elements(By.CSS_SELECTOR, "main button")}
        headers = {b.text for b in driver.find_elements(By.CSS_SELECTOR, "main th button")}
        assert buttons - headers == {"Tải CSV", "Tải XLSX"}, buttons - headers
        c.clean_console("viewer pages")
    except Exception:
        c.shot("failure")
        raise
    finally:
        with open(os.path.join(shots, "timings.json"), "w", encoding="utf-8") as f:
            json.dump(timings, f)
        driver.quit()
    print(f"dashboard ({a.label}): every page checked; login to overview {timings.get('login_to_overview_ms')} ms")


if __name__ == "__main__":
    sys.exit(main())
