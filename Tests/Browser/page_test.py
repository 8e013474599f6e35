#!/usr/bin/env python3
"""End-to-end tests of the page of `ehcp serve` in headless Chromium (Selenium, chromium-driver).

Starts the built binary on a free loopback port, drives the page as a SENCO would (keyboard-free
clicks on plain forms, no script on the page), compares what the page lists with what
`ehcp validate --format html` lists for the same bundle, and, with EHCP_SCREENSHOTS=DIR (for
docs/, EHCP_SCREENSHOTS=docs), saves a screenshot of each page there. Skips, saying why, when no
browser can start. Exit status 0 when every test passes.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("EHCP_BINARY", os.path.join(ROOT, ".build", "debug", "ehcp"))
# Where screenshots go: only when asked, so a test run leaves the repository as it found it.
SHOTS = os.environ.get("EHCP_SCREENSHOTS")
NORFOLK = os.path.join(ROOT, "LocalAuthorities", "926-norfolk", "examples")


def skip(reason):
    print(f"browser tests skipped: {reason}")
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    skip("selenium is not installed (pip install selenium)")


def zipped(folder, into):
    """The bundle folder zipped with its contents at the root, as a SENCO would zip it."""
    path = os.path.join(into, os.path.basename(folder) + ".zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for base, _, files in sorted(os.walk(folder)):
            for name in sorted(files):
                full = os.path.join(base, name)
                archive.write(full, os.path.relpath(full, folder))
    return path


# The text of every visible element whose contrast with its background is under 4.5:1 (WCAG 2.2, 1.4.3),
# measured by the test in the page (the page itself runs no script).
LOW_CONTRAST = """
function luminance(colour) {
  const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function background(element) {
  for (; element; element = element.parentElement) {
    const colour = getComputedStyle(element).backgroundColor, parts = colour.match(/[\\d.]+/g);
    if (parts && (parts.length < 4 || Number(parts[3]) > 0)) return colour;
  }
  return "rgb(255, 255, 255)";
}
const low = [];
for (const element of document.querySelectorAll("body *")) {
  if (![...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim())) continue;
  const style = getComputedStyle(element), box = element.getBoundingClientRect();
  if (style.visibility === "hidden" || style.display === "none" || box.right < 0 || box.width === 0) continue;
  const a = luminance(style.color), b = luminance(background(element));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) low.push(element.tagName + "." + element.className + " " + ratio.toFixed(2));
}
return low;
"""


def cli_findings(folder):
    """(severity, rule) of each finding in `ehcp validate --format html`, sorted."""
    html = subprocess.run([BINARY, "validate", folder, "--format", "html"], capture_output=True, text=True, cwd=ROOT).stdout
    items = re.findall(r'<li class="finding (\w+)">.*?<dt>Rule</dt><dd><code>([^<]+)</code>', html, re.S)
    return sorted(items)


class PageTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.mkdtemp(prefix="ehcp-browser-")
        cls.server = subprocess.Popen([BINARY, "serve", "--port", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, cwd=ROOT)
        line = ""
        while "listening on http://" not in line:
            line = cls.server.stderr.readline()
            if not line:
                raise RuntimeError("ehcp serve did not start")
        cls.base = line.split("listening on ")[1].strip().rstrip("/")
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1024,900", "--force-device-scale-factor=1", "--hide-scrollbars",
                         "--disable-extensions", "--no-first-run", "--lang=en-GB"]:
            options.add_argument(argument)
        cls.downloads = os.path.join(cls.scratch, "downloads")
        os.makedirs(cls.downloads)
        options.add_experimental_option("prefs", {"download.default_directory": cls.downloads, "download.prompt_for_download": False})
        options.binary_location = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
        driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
        try:
            cls.browser = webdriver.Chrome(service=Service(driver), options=options)
        except Exception as error:  # no display, no driver, no browser: not a failure of ehcp
            cls.tearDownServer()
            skip(f"no browser could start ({type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''})")
        cls.browser.set_page_load_timeout(60)
        cls.browser.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": cls.downloads})

    @classmethod
    def tearDownServer(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)
        shutil.rmtree(cls.scratch, ignore_errors=True)

    @classmethod
    def tearDownClass(cls):
        cls.browser.quit()
        cls.tearDownServer()

    def open(self, path):
        self.browser.get(self.base + path)

    def shot(self, name, tallest=4000):
        """A full-page screenshot in EHCP_SCREENSHOTS: the window is made as tall as the page first (up to `tallest`)."""
        if not SHOTS:
            return
        height = self.browser.execute_script("return document.documentElement.scrollHeight")
        width = self.browser.execute_script("return window.innerWidth")
        self.browser.set_window_size(max(width, 320), min(max(height, 600), tallest))
        self.browser.execute_script("window.scrollTo(0, 0)")
        self.browser.save_screenshot(os.path.join(SHOTS, name))
        self.browser.set_window_size(1024, 900)

    def submit(self, form, button="button"):
        """Clicks the button of the form with this action and waits for the next page to load."""
        page = self.browser.find_element(By.TAG_NAME, "html")
        self.browser.find_element(By.CSS_SELECTOR, f"form[action='{form}'] {button}").click()
        self.wait_for_next_page(page)

    def assert_contrast(self):
        self.assertEqual(self.browser.execute_script(LOW_CONTRAST), [])

    def text(self):
        return self.browser.find_element(By.TAG_NAME, "body").text

    def test_1_home_and_a_checklist(self):
        self.open("/")
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "Check a request for an EHC needs assessment")
        self.assertEqual(self.browser.find_elements(By.TAG_NAME, "script"), [])
        self.shot("serve-home.png")
        Select(self.browser.find_element(By.ID, "authority")).select_by_visible_text("Norfolk")
        self.submit("/checklist")
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "What Norfolk asks for")
        self.assertGreater(len(self.browser.find_elements(By.CSS_SELECTOR, "ul.checklist li")), 5)
        self.assertIn("Source:", self.text())
        self.assertEqual(self.browser.find_elements(By.ID, "baseline-only"), [])
        self.shot("serve-checklist.png")

    def test_2_an_authority_known_only_by_the_baseline(self):
        self.open("/")
        Select(self.browser.find_element(By.ID, "authority")).select_by_visible_text("City of London")
        self.submit("/checklist")
        self.assertIn("knows only the statutory baseline", self.browser.find_element(By.ID, "baseline-only").text)
        self.shot("serve-checklist-baseline.png")

    def test_3_no_authority_chosen_gives_an_error_summary(self):
        self.open("/")
        self.submit("/checklist")
        summary = self.browser.find_element(By.CLASS_NAME, "error-summary")
        link = summary.find_element(By.TAG_NAME, "a")
        self.assertEqual(link.get_attribute("href").split("#")[1], "authority")
        self.shot("serve-error-summary.png")

    def check(self, folder):
        self.open("/")
        self.browser.find_element(By.ID, "bundle").send_keys(zipped(folder, self.scratch))
        self.submit("/check")

    def test_4_a_failing_request_lists_what_the_cli_lists(self):
        folder = os.path.join(NORFOLK, "fails")
        self.check(folder)
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, "#verdict h2").text, "Not ready to send")
        shown = sorted((item.get_attribute("class").split()[1], item.find_element(By.CSS_SELECTOR, "code.rule").text)
                       for item in self.browser.find_elements(By.CSS_SELECTOR, "li.finding"))
        expected = cli_findings(folder)
        self.assertTrue(expected)
        self.assertEqual(shown, expected)
        self.shot("serve-report-not-ready.png")

    def test_5_a_passing_request_is_ready_to_send(self):
        self.check(os.path.join(NORFOLK, "passes"))
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, "#verdict h2").text, "Ready to send")
        self.shot("serve-report-ready.png")

    def test_5b_a_document_and_its_loose_files_list_what_is_enclosed(self):
        folder = os.path.join(NORFOLK, "passes")
        document = next(os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.startswith("application."))
        evidence = [os.path.join(base, name) for base, _, names in sorted(os.walk(folder)) for name in sorted(names)
                    if os.path.join(base, name) != document and not name.startswith(".") and not name.endswith(".expected.yaml")]
        self.open("/")
        self.browser.find_element(By.ID, "bundle").send_keys(document)
        self.browser.find_element(By.ID, "evidence").send_keys("\n".join(evidence))
        self.submit("/check")
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, "#verdict h2").text, "Ready to send")
        rows = self.browser.find_elements(By.CSS_SELECTOR, "table.enclosed tbody tr")
        self.assertTrue(rows)
        self.assertEqual([row.find_elements(By.TAG_NAME, "td")[2].text for row in rows], ["Yes"] * len(rows))
        self.shot("serve-report-loose.png")

    def test_6_the_page_reflows_at_400_percent_zoom(self):
        # 1280 CSS pixels at 400% zoom leave 320: the page must not scroll sideways.
        self.browser.set_window_size(320, 900)
        self.open("/")
        overflow = self.browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        self.assertLessEqual(overflow, 0)
        self.shot("serve-home-narrow.png")
        self.browser.set_window_size(1024, 900)

    # "Start a request": the guided form for Norfolk, as a setting, typed in and attached in the browser.
    WALK = json.loads(pathlib.Path(ROOT, "Tests", "Fixtures", "guided", "norfolk-setting.json").read_text())

    def fill(self, values):
        """Types each value into its field as a person would: dates in their three boxes, choices from their lists."""
        for name, value in values.items():
            boxes = self.browser.find_elements(By.NAME, name + "-day")
            if boxes:
                for part, text in zip(["day", "month", "year"], value.split("/")):
                    box = self.browser.find_element(By.NAME, f"{name}-{part}")
                    box.clear()
                    box.send_keys(text)
                continue
            field = self.browser.find_elements(By.NAME, name)
            if field[0].tag_name == "select":
                Select(field[0]).select_by_value(value)
            elif field[0].get_attribute("type") == "radio":
                next(radio for radio in field if radio.get_attribute("value") == value).click()
            else:
                field[0].clear()
                field[0].send_keys(value)

    def wait_for_next_page(self, page):
        """Waits until `page` (the old page's html element) is gone. While Chromium swaps the
        document, asking about the old element can fail with "does not belong to the document"
        rather than the stale-element error: that is waited through too."""
        from selenium.common.exceptions import WebDriverException
        WebDriverWait(self.browser, 60, ignored_exceptions=[WebDriverException]).until(expected_conditions.staleness_of(page))

    def press(self, action):
        """Presses the form's button with this action and waits for the next page."""
        page = self.browser.find_element(By.TAG_NAME, "html")
        buttons = self.browser.find_elements(By.CSS_SELECTOR, f"button[name='action'][value='{action}']")
        next(button for button in buttons if button.is_displayed()).click()
        self.wait_for_next_page(page)

    def begin_norfolk_setting(self):
        self.open("/start")
        Select(self.browser.find_element(By.ID, "authority")).select_by_visible_text("Norfolk")
        self.browser.find_element(By.ID, "requester").click()
        self.submit("/start")
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "About the child or young person")

    def test_7_a_norfolk_request_made_through_the_pages_validates_clean(self):
        self.open("/")
        self.browser.find_element(By.LINK_TEXT, "Start a request").click()
        self.assertEqual(self.browser.find_elements(By.TAG_NAME, "script"), [])
        self.shot("serve-start-1-choose.png", 1400)
        self.begin_norfolk_setting()
        for number, section in enumerate(self.WALK["sections"]):
            if number:
                self.press("next")
            self.assertEqual(self.browser.find_elements(By.CLASS_NAME, "error-summary"), [], section["section"])
            self.fill(section["fields"])
            self.shot(f"serve-start-{number + 2}-{section['section']}.png", 2400)
        self.press("next")
        files = os.path.join(self.scratch, "files")
        os.makedirs(files, exist_ok=True)
        for index, batch in enumerate(self.WALK["evidence"]):
            rows = int(self.browser.find_element(By.NAME, "evidence.rows").get_attribute("value"))
            for offset, document in enumerate(batch):
                kind, title, date = document["type"], document["title"], document["date"]
                row = rows - 3 + offset
                self.fill({f"evidence.{row}.type": kind, f"evidence.{row}.title": title, f"evidence.{row}.date": date})
                # The child's name in the file's own name never reaches the bundle.
                path = os.path.join(files, f"Isla Thornbury {kind}.pdf")
                with open(path, "w") as handle:
                    handle.write(f"%PDF-1.4 {kind}\n")
                self.browser.find_element(By.NAME, f"evidence.{row}.upload").send_keys(path)
            if index == len(self.WALK["evidence"]) - 1:
                self.shot("serve-start-8-evidence.png", 2400)
                self.press("next")
            else:
                self.press("add:evidence")
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "Check your request")
        self.assertEqual(self.browser.find_element(By.CSS_SELECTOR, "#verdict h2").text, "Ready to send")
        shown = sorted((item.get_attribute("class").split()[1], item.find_element(By.CSS_SELECTOR, "code.rule").text)
                       for item in self.browser.find_elements(By.CSS_SELECTOR, "li.finding"))
        self.assert_contrast()
        self.shot("serve-start-9-check.png", 2400)
        self.browser.find_element(By.CSS_SELECTOR, "button[value='download:zip']").click()
        zip_path = os.path.join(self.downloads, "ehc-request-norfolk.zip")
        WebDriverWait(self.browser, 60).until(lambda _: os.path.exists(zip_path) and not os.path.exists(zip_path + ".crdownload"))
        with zipfile.ZipFile(zip_path) as archive:
            names = archive.namelist()
        self.assertIn("application.yaml", names)
        self.assertIn("evidence/need-descriptor.pdf", names)
        self.assertFalse([name for name in names if "Isla" in name or "Thornbury" in name])
        validate = subprocess.run([BINARY, "validate", zip_path], capture_output=True, text=True, cwd=ROOT)
        self.assertEqual(validate.returncode, 0, validate.stdout + validate.stderr)
        self.assertEqual(shown, cli_findings(zip_path))

    def test_8_the_guided_form_by_keyboard_alone_with_an_error_summary(self):
        from selenium.webdriver.common.keys import Keys
        self.open("/start")
        body = self.browser.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        def active():
            return self.browser.switch_to.active_element
        for _ in range(10):
            if active().get_attribute("id") == "authority":
                break
            active().send_keys(Keys.TAB)
        self.assertEqual(active().get_attribute("id"), "authority")
        active().send_keys("Norfolk")
        active().send_keys(Keys.TAB)
        self.assertEqual(active().get_attribute("name"), "requester")
        active().send_keys(Keys.SPACE)
        page = self.browser.find_element(By.TAG_NAME, "html")
        active().send_keys(Keys.ENTER)
        self.wait_for_next_page(page)
        self.assertEqual(self.browser.find_element(By.TAG_NAME, "h1").text, "About the child or young person")
        # Enter in a text box presses "Save and continue", the form's first button: nothing typed gives the error summary.
        box = self.browser.find_element(By.NAME, "child.givenNames")
        box.send_keys("Isla")
        self.browser.find_element(By.NAME, "child.dateOfBirth-day").send_keys("31")
        self.browser.find_element(By.NAME, "child.dateOfBirth-month").send_keys("2")
        year = self.browser.find_element(By.NAME, "child.dateOfBirth-year")
        year.send_keys("2017")
        page = self.browser.find_element(By.TAG_NAME, "html")
        year.send_keys(Keys.ENTER)
        self.wait_for_next_page(page)
        summary = self.browser.find_element(By.CLASS_NAME, "error-summary")
        targets = [link.get_attribute("href").split("#")[1] for link in summary.find_elements(By.TAG_NAME, "a")]
        self.assertIn("child-dateOfBirth", targets)
        self.assertIn("child-familyName", targets)
        for target in targets:
            self.assertTrue(self.browser.find_elements(By.ID, target), target)
        self.assertEqual(self.browser.find_element(By.NAME, "child.givenNames").get_attribute("value"), "Isla")
        self.assert_contrast()
        self.shot("serve-start-error-summary.png", 1600)
        # The first link moves the reader to the field: the next Tab lands on or after it.
        link = summary.find_element(By.TAG_NAME, "a")
        link.send_keys(Keys.ENTER)
        self.assertTrue(self.browser.current_url.endswith("#" + targets[0]))

    def test_9_the_guided_form_reflows_at_400_percent_zoom(self):
        self.begin_norfolk_setting()
        self.browser.set_window_size(320, 900)
        overflow = self.browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        self.assertLessEqual(overflow, 0)
        self.browser.set_window_size(1024, 900)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"browser: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
