"""Browser tests on the built site (headless Debian Chromium driven by Playwright)."""
