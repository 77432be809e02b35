"""Waiting for a condition in the page without Playwright's wait_for_function: that evaluates its predicate
with eval() inside the page, which our Content-Security-Policy (script-src 'self') refuses. page.evaluate goes
through the DevTools protocol, which the policy does not govern."""

from __future__ import annotations

import time

from playwright.sync_api import Error as PlaywrightError


def wait_until(page, expression: str, *, timeout: float = 60.0, interval: float = 0.1) -> None:
    """Poll the JavaScript `expression` (a value, not a function) until it is truthy, or fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(expression):
                return
        except PlaywrightError as error:  # the page navigated while it was asked: ask the next one
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {expression}")
        time.sleep(interval)


def wait_for_images(page, *, timeout: float = 60.0) -> None:
    wait_until(page, "Array.from(document.images).every(i => i.complete)", timeout=timeout)
