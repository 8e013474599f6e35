#!/usr/bin/env python3
"""End-to-end tests of the page of `ehcp serve` in headless Chromium (Selenium, chromium-driver).

Starts the built binary on a free loopback port, drives the page as a SENCO would (keyboard-free
clicks on plain forms, no script on the page), compares what the page lists with what
`ehcp validate --format html` lists for the same bundle, and saves a screenshot of each page in
docs/. Skips, saying why, when no browser can start. Exit status 0 when every test passes.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("EHCP_BINARY", os.path.join(ROOT, ".build", "debug", "ehcp"))
DOCS = os.path.join(ROOT, "docs")
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
        options.binary_location = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
        driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"
        try:
            cls.browser = webdriver.Chrome(service=Service(driver), options=options)
        except Exception as error:  # no display, no driver, no browser: not a failure of ehcp
            cls.tearDownServer()
            skip(f"no browser could start ({type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''})")
        cls.browser.set_page_load_timeout(60)

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

    def shot(self, name):
        """A full-page screenshot in docs/: the window is made as tall as the page first."""
        height = self.browser.execute_script("return document.documentElement.scrollHeight")
        width = self.browser.execute_script("return window.innerWidth")
        self.browser.set_window_size(max(width, 320), min(max(height, 600), 4000))
        self.browser.save_screenshot(os.path.join(DOCS, name))
        self.browser.set_window_size(1024, 900)

    def submit(self, form):
        """Clicks the button of the form with this action and waits for the next page to load."""
        page = self.browser.find_element(By.TAG_NAME, "html")
        self.browser.find_element(By.CSS_SELECTOR, f"form[action='{form}'] button").click()
        WebDriverWait(self.browser, 60).until(expected_conditions.staleness_of(page))

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


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"browser: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
